package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Lookalike leads. The reference customers are all four customers (fewer than 50):
 *
 * <pre>
 *   customer  postal  company size  acquired via   bought
 *   R1        20095   10-49         website lead   CARGO
 *   R2        20146   10-49         website lead   CARGO, CITY
 *   R3        80331   1-9           event lead     CITY
 *   R4        -       -             -              HELMET
 * </pre>
 *
 * Shares: region 20 = 2/4, 80 = 1/4; size 10-49 = 2/4, 1-9 = 1/4; website 2/4, event 1/4; CARGO 2/4,
 * CITY 2/4, HELMET 1/4. Open leads: N1 (20457, 10-49, [CARGO], website, H): 0.3 x 0.5 + 0.2 x 0.5 + 0.3 x
 * 0.5 + 0.2 x 0.5 = 0.5; N2 (80802, 1-9, [HELMET, CITY], event, M): 0.3 x 0.25 + 0.2 x 0.25 + 0.3 x 0.5
 * (CITY beats HELMET) + 0.2 x 0.25 = 0.325; N3 (50667, 1000+, [BAG], trade_fair, H): 0. N4 is disqualified
 * and the converted leads are closed: none of them is listed.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class LookalikeTests {

    record Leads(DataSet data, String n1, String n2, String n3) {
    }

    static Leads publishLeads(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        String small = DataSet.id();
        String micro = DataSet.id();
        data.companyCreated(small, "10-49");
        data.companyCreated(micro, "1-9");
        String[] customers = {DataSet.id(), DataSet.id(), DataSet.id(), DataSet.id()};
        data.contactCreated(customers[0], "hamburg", "Rita", "Eins", null, null, "20095", "Hamburg", "customer", List.of(), small);
        data.contactCreated(customers[1], "hamburg", "Rolf", "Zwei", null, null, "20146", "Hamburg", "customer", List.of(), small);
        data.contactCreated(customers[2], "munich", "Rosa", "Drei", null, null, "80331", "München", "customer", List.of(), micro);
        data.contactCreated(customers[3], "munich", "Rudi", "Vier", null, null, null, null, "customer", List.of(), null);
        String day = "2026-11-02T10:00:00Z";
        data.purchase(DataSet.id(), customers[0], "hamburg", day, "EUR", "3000.00", "CARGO", 1, "3000.00");
        data.purchase(DataSet.id(), customers[1], "hamburg", day, "EUR", "5000.00", "CARGO", 1, "3000.00", "CITY", 1, "2000.00");
        data.purchase(DataSet.id(), customers[2], "munich", day, "EUR", "2000.00", "CITY", 1, "2000.00");
        data.purchase(DataSet.id(), customers[3], "munich", day, "EUR", "50.00", "HELMET", 1, "50.00");
        String[] channels = {"website", "website", "event"};
        for (int i = 0; i < 3; i++) {
            String lead = DataSet.id();
            data.leadCaptured(lead, "hamburg", channels[i], null, "2026-10-01T10:00:00Z", null, null, List.of());
            data.leadConverted(lead, customers[i], null, "2026-10-05T10:00:00Z");
        }
        String n1 = DataSet.id();
        String n2 = DataSet.id();
        String n3 = DataSet.id();
        String n4 = DataSet.id();
        data.leadCaptured(n1, "hamburg", "website", null, "2026-11-20T10:00:00Z", "20457", "10-49", List.of("CARGO"));
        data.leadCaptured(n2, "munich", "event", null, "2026-11-21T10:00:00Z", "80802", "1-9", List.of("HELMET", "CITY"));
        data.leadCaptured(n3, "hamburg", "trade_fair", null, "2026-11-22T10:00:00Z", "50667", "1000+", List.of("BAG"));
        data.leadCaptured(n4, "hamburg", "website", null, "2026-11-23T10:00:00Z", "20095", "10-49", List.of("CARGO"));
        data.leadStatus(n4, "new", "disqualified", "2026-11-24T10:00:00Z", null);
        return new Leads(data, n1, n2, n3);
    }

    @Test
    void shouldRankOpenLeadsBySimilarityToTheBestCustomers() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        Leads leads = publishLeads(tenant);
        leads.data().awaitApplied(hq);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(hq, "/api/v1/analytics/leads/lookalikes").statusCode(200).body("items", hasSize(3)));

        get(hq, "/api/v1/analytics/leads/lookalikes").statusCode(200)
                .body("items.leadId", contains(leads.n1(), leads.n2(), leads.n3()))
                .body("items.score", contains(0.5f, 0.325f, 0.0f))
                .body("items[0].matchedFeatures.feature", contains("postalRegion", "companySize", "productOfInterest",
                        "channel"))
                .body("items[0].matchedFeatures.value", contains("20", "10-49", "CARGO", "website"))
                .body("items[0].matchedFeatures.share", contains(0.5f, 0.5f, 0.5f, 0.5f))
                .body("items[1].matchedFeatures.value", contains("80", "1-9", "CITY", "event"))
                .body("items[1].matchedFeatures.share", contains(0.25f, 0.25f, 0.5f, 0.25f))
                .body("items[2].matchedFeatures", empty());
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/leads/lookalikes").statusCode(200)
                .body("items.leadId", contains(leads.n1(), leads.n3()));
        get(hq, "/api/v1/analytics/leads/lookalikes?limit=1").statusCode(200)
                .body("items.leadId", contains(leads.n1()));
        get(hq, "/api/v1/analytics/leads/lookalikes?limit=201").statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
