package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import crm.analytics.events.IncomingEvents;
import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lead funnel and campaign return from six leads:
 *
 * <pre>
 *   lead  captured          channel  campaign  unit      what happened                                   first contact
 *   L1    11-02 08:00       website  C1        H         contacted, qualified, converted to contact K1   +30 min
 *   L2    11-03 09:00       website  -         H         contacted, disqualified                         +120 min
 *   L3    11-04 10:00       website  C1        M         SLA breached, contacted, nurture                +1440 min
 *   L4    11-06 12:00       event    C1        M         nothing yet
 *   L5    10-20 10:00       event    -         -         contacted, qualified                            +10 min
 *   L6    11-10 10:00       website  -         H -> M    SLA breached, then moved to unit M
 * </pre>
 *
 * L1's conversion arrives before its capture. Campaign C1 (budget 1000): L1's won deal (1500, unit H) and
 * K1's purchases after the conversion on 11-05: 200 (11-10, H, booked before the link to the campaign was
 * known) and 300 (11-12, M); K1's purchase of 100 on 11-04 precedes the conversion and does not count.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class FunnelTests {

    static final String C1 = "c1c1c1c1-0000-4000-8000-000000000001";

    @Inject
    IncomingEvents incoming;

    static DataSet publishLeads(TestTenant tenant) {
        return publishLeads(tenant, null);
    }

    /** With {@code onePoll}, the leads' events arrive in one poll of it rather than one by one from Kafka. */
    static DataSet publishLeads(TestTenant tenant, IncomingEvents onePoll) {
        DataSet data = new DataSet(tenant);
        String hq = tenant.hqToken("manager");
        String l1 = DataSet.id();
        String l2 = DataSet.id();
        String l3 = DataSet.id();
        String l4 = DataSet.id();
        String l5 = DataSet.id();
        String l6 = DataSet.id();
        String k1 = DataSet.id();
        data.contact(k1, "hamburg", "Karl", "Kunde");
        data.purchase(DataSet.id(), k1, "hamburg", "2026-11-04T10:00:00Z", "EUR", "100.00", "BIKE", 1, "100.00");
        data.purchase(DataSet.id(), k1, "hamburg", "2026-11-10T10:00:00Z", "EUR", "200.00", "BIKE", 1, "200.00");
        data.awaitApplied(hq);

        if (onePoll != null) {
            data.holdBack();
        }
        data.campaignUpserted(C1, "Autumn ride", "1000.00");
        data.leadConverted(l1, null, C1, "2026-11-05T00:00:00Z");
        data.leadCaptured(l1, "hamburg", "website", C1, "2026-11-02T08:00:00Z", "20095", "10-49", List.of());
        data.leadStatus(l1, "new", "contacted", "2026-11-02T08:30:00Z", "2026-11-02T08:30:00Z");
        data.leadStatus(l1, "contacted", "qualified", "2026-11-03T08:30:00Z", "2026-11-02T08:30:00Z");
        data.opportunityWon(DataSet.id(), l1, k1, C1, "hamburg", "1500.00", "2026-11-06T10:00:00Z", "CARGO", 1, "1500.00");
        data.leadCaptured(l2, "hamburg", "website", null, "2026-11-03T09:00:00Z", null, null, List.of());
        data.leadStatus(l2, "new", "contacted", "2026-11-03T11:00:00Z", "2026-11-03T11:00:00Z");
        data.leadStatus(l2, "contacted", "disqualified", "2026-11-04T11:00:00Z", "2026-11-03T11:00:00Z");
        data.leadCaptured(l3, "munich", "website", C1, "2026-11-04T10:00:00Z", null, null, List.of());
        data.leadSlaBreached(l3, "2026-11-04T14:00:00Z");
        data.leadStatus(l3, "new", "contacted", "2026-11-05T10:00:00Z", "2026-11-05T10:00:00Z");
        data.leadStatus(l3, "contacted", "nurture", "2026-11-06T10:00:00Z", "2026-11-05T10:00:00Z");
        data.leadCaptured(l4, "munich", "event", C1, "2026-11-06T12:00:00Z", null, null, List.of());
        data.leadCaptured(l5, null, "event", null, "2026-10-20T10:00:00Z", null, null, List.of());
        data.leadStatus(l5, "new", "contacted", "2026-10-20T10:10:00Z", "2026-10-20T10:10:00Z");
        data.leadStatus(l5, "contacted", "qualified", "2026-10-21T10:10:00Z", "2026-10-20T10:10:00Z");
        data.leadCaptured(l6, "hamburg", "website", null, "2026-11-10T10:00:00Z", null, null, List.of());
        data.leadSlaBreached(l6, "2026-11-10T14:00:00Z");
        data.leadAssigned(l6, "munich", "2026-11-10T15:00:00Z");
        if (onePoll != null) {
            onePoll.receive(data.heldAsOnePoll()).await().atMost(Duration.ofSeconds(30));
        }
        data.awaitApplied(hq);

        data.leadLinked(k1, l1);
        data.purchase(DataSet.id(), k1, "munich", "2026-11-12T10:00:00Z", "EUR", "300.00", "BIKE", 1, "300.00");
        data.awaitApplied(hq);
        return data;
    }

    @ParameterizedTest(name = "leads in one poll: {0}")
    @ValueSource(booleans = {false, true})
    void shouldCountStagesAndRatesPerChannelWithMedianSpeedAndSlaBreaches(boolean onePoll) {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishLeads(tenant, onePoll ? incoming : null);

        get(hq, "/api/v1/analytics/funnel?by=channel&from=2026-11&to=2026-11").statusCode(200)
                .body("from", equalTo("2026-11-01"))
                .body("to", equalTo("2026-11-30"))
                .body("rows.key", contains("event", "website"))
                .body("rows[1].captured", equalTo(4))
                .body("rows[1].contacted", equalTo(3))
                .body("rows[1].qualified", equalTo(1))
                .body("rows[1].converted", equalTo(1))
                .body("rows[1].disqualified", equalTo(1))
                .body("rows[1].nurtured", equalTo(1))
                .body("rows[1].contactRate", equalTo(0.75f))
                .body("rows[1].qualificationRate", equalTo(0.25f))
                .body("rows[1].conversionRate", equalTo(0.25f))
                .body("rows[1].contactedToQualified", equalTo(0.3333f))
                .body("rows[1].qualifiedToConverted", equalTo(1.0f))
                .body("rows[1].slaBreaches", equalTo(2))
                .body("rows[1].slaBreachRate", equalTo(0.5f))
                .body("rows[1].medianSpeedToLeadMinutes", equalTo(120))
                .body("rows[0].captured", equalTo(1))
                .body("rows[0].contacted", equalTo(0))
                .body("rows[0].medianSpeedToLeadMinutes", nullValue())
                .body("total.captured", equalTo(5))
                .body("total.contacted", equalTo(3))
                .body("total.conversionRate", equalTo(0.2f))
                .body("total.medianSpeedToLeadMinutes", equalTo(120));
    }

    @Test
    void shouldRoundALongSpeedToLeadDownToItsMinuteBucket() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        DataSet data = new DataSet(tenant);
        String lead = DataSet.id();
        // First contact 3 days and 7 minutes (4,327 minutes) after capture: in the bucket of 4,288 to 4,351.
        data.leadCaptured(lead, "hamburg", "website", null, "2026-09-01T08:00:00Z", null, null, List.of());
        data.leadStatus(lead, "new", "contacted", "2026-09-04T08:07:00Z", "2026-09-04T08:07:00Z");
        data.awaitApplied(hq);

        get(hq, "/api/v1/analytics/funnel?by=channel&from=2026-09&to=2026-09").statusCode(200)
                .body("rows.key", contains("website"))
                .body("rows[0].contacted", equalTo(1))
                .body("rows[0].medianSpeedToLeadMinutes", equalTo(4288))
                .body("total.medianSpeedToLeadMinutes", equalTo(4288));
    }

    @Test
    void shouldGroupTheFunnelByCampaignUnitAndMonth() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishLeads(tenant);

        get(hq, "/api/v1/analytics/funnel?by=campaign&from=2026-11&to=2026-11").statusCode(200)
                .body("rows.key", contains(null, C1))
                .body("rows.label", contains("(no campaign)", "Autumn ride"))
                .body("rows.captured", contains(2, 3))
                .body("rows.contacted", contains(1, 2))
                .body("rows.converted", contains(0, 1))
                .body("rows.slaBreaches", contains(1, 1))
                .body("rows.medianSpeedToLeadMinutes", contains(120, 30));
        // L6 moved from Hamburg to Munich and took its counts with it.
        get(hq, "/api/v1/analytics/funnel?by=unit&from=2026-11&to=2026-11").statusCode(200)
                .body("rows.key", contains(tenant.unit("hamburg"), tenant.unit("munich")))
                .body("rows.captured", contains(2, 3))
                .body("rows.qualified", contains(1, 0))
                .body("rows.slaBreaches", contains(0, 2))
                .body("rows.medianSpeedToLeadMinutes", contains(30, 1440));
        get(hq, "/api/v1/analytics/funnel?by=period&from=2026-10&to=2026-11").statusCode(200)
                .body("rows.key", contains("2026-10", "2026-11"))
                .body("rows.captured", contains(1, 5))
                .body("rows[0].qualificationRate", equalTo(1.0f))
                .body("rows[0].medianSpeedToLeadMinutes", equalTo(10))
                .body("total.captured", equalTo(6));
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/funnel?by=unit&from=2026-11&to=2026-11")
                .statusCode(200)
                .body("rows.key", contains(tenant.unit("hamburg")))
                .body("total.captured", equalTo(2))
                .body("total.converted", equalTo(1));
        get(hq, "/api/v1/analytics/funnel?by=owner").statusCode(400).body("errors[0].field", equalTo("by"));
        get(hq, "/api/v1/analytics/funnel?from=2026-12&to=2026-11").statusCode(400);
    }

    @Test
    void shouldSetCampaignRevenueAgainstTheBudget() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishLeads(tenant);

        get(hq, "/api/v1/analytics/campaigns/return").statusCode(200)
                .body("items.campaignId", contains(C1))
                .body("items[0].name", equalTo("Autumn ride"))
                .body("items[0].budget", equalTo(1000.00f))
                .body("items[0].wonRevenue", equalTo(1500.00f))
                .body("items[0].wonDeals", equalTo(1))
                .body("items[0].purchaseRevenue", equalTo(500.00f))
                .body("items[0].purchases", equalTo(2))
                .body("items[0].revenue", equalTo(2000.00f))
                .body("items[0].roi", equalTo(1.0f))
                .body("items[0].leadsCaptured", equalTo(3))
                .body("items[0].leadsConverted", equalTo(1));
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/campaigns/return").statusCode(200)
                .body("items[0].wonRevenue", equalTo(1500.00f))
                .body("items[0].purchaseRevenue", equalTo(200.00f))
                .body("items[0].roi", equalTo(0.7f))
                .body("items[0].leadsCaptured", equalTo(1));
    }
}
