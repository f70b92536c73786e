package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Customer value, top customers and RFM from a hand-made data set of five customers (brand-wide, so each
 * quintile score equals the rank 1-5):
 *
 * <pre>
 *            unit    orders                                   revenue  last order   R F M  segment
 *   Anna     H       3 (500 + 1000 + 1500)                    3000.00  2026-11-10   4 5 5  champions
 *   Ben      H       1 (1000)                                 1000.00  2026-11-20   5 1 3  new
 *   Clara    M       2 (50 on 2025-02-01, 50 on 2026-03-01)    100.00  2026-03-01   2 3 2  at_risk
 *   Dirk     M       2 (won deal 2000, purchase CHF 100=105)  2105.00  2026-10-05   3 3 4  hibernating
 *   Emil     H       1 (10)                                     10.00  2025-12-01   1 1 1  lost
 * </pre>
 *
 * F ranks: Ben and Emil tie with one order (rank 1, score 1), Clara and Dirk with two (rank 3, score 3).
 * In unit H (Anna, Ben, Emil: three customers) a score is 1 + floor(5 (rank - 1) / 3): ranks 1, 2, 3 give
 * 1, 2, 4; Anna R2 F4 M4 = at_risk, Ben R4 F1 M2 = new, Emil = lost.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CustomerValueTests {

    record Customers(DataSet data, String anna, String ben, String clara, String dirk, String emil) {
    }

    static Customers publishCustomers(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        String anna = DataSet.id();
        String ben = DataSet.id();
        String clara = DataSet.id();
        String dirk = DataSet.id();
        String emil = DataSet.id();
        // Anna's first purchase overtakes her contact: the profile arrives later and still gets her name.
        data.purchase(DataSet.id(), anna, "hamburg", "2026-01-10T10:00:00Z", "EUR", "500.00", "BIKE", 1, "500.00");
        data.contact(anna, "hamburg", "Anna", "Albers");
        data.contact(ben, "hamburg", "Ben", "Bauer");
        data.contact(clara, "munich", "Clara", "Conrad");
        data.contact(dirk, "munich", "Dirk", "Drews");
        data.contact(emil, "hamburg", "Emil", "Ebert");
        data.purchase(DataSet.id(), anna, "hamburg", "2026-06-10T10:00:00Z", "EUR", "1000.00", "BIKE", 2, "1000.00");
        data.purchase(DataSet.id(), anna, "hamburg", "2026-11-10T10:00:00Z", "EUR", "1500.00", "BIKE", 3, "1500.00");
        data.purchase(DataSet.id(), ben, "hamburg", "2026-11-20T10:00:00Z", "EUR", "1000.00", "BIKE", 2, "1000.00");
        data.purchase(DataSet.id(), clara, "munich", "2025-02-01T10:00:00Z", "EUR", "50.00", "LOCK", 1, "50.00");
        data.purchase(DataSet.id(), clara, "munich", "2026-03-01T10:00:00Z", "EUR", "50.00", "LOCK", 1, "50.00");
        data.opportunityWon(DataSet.id(), null, dirk, null, "munich", "2000.00", "2026-10-01T10:00:00Z",
                "CARGO", 1, "2000.00");
        data.purchase(DataSet.id(), dirk, "munich", "2026-10-05T10:00:00Z", "CHF", "100.00", "LOCK", 2, "100.00");
        data.purchase(DataSet.id(), emil, "hamburg", "2025-12-01T10:00:00Z", "EUR", "10.00", "BELL", 1, "10.00");
        return new Customers(data, anna, ben, clara, dirk, emil);
    }

    static void awaitScored(String token, String contactId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(token, "/api/v1/analytics/customers/" + contactId + "/value").statusCode(200)
                        .body("rfm.segment", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void shouldReportRevenueOrdersLastPurchaseAndClvOfACustomer() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        Customers c = publishCustomers(tenant);
        c.data().awaitApplied(hq);

        // Dirk: a won deal (2000) and a purchase of CHF 100 at 1.05 = 105.00; one year assumed active, so
        // CLV = 2105 / 1 x 3 years.
        get(hq, "/api/v1/analytics/customers/" + c.dirk() + "/value").statusCode(200)
                .body("currency", equalTo("EUR"))
                .body("revenue", equalTo(2105.00f))
                .body("purchaseRevenue", equalTo(105.00f))
                .body("wonRevenue", equalTo(2000.00f))
                .body("orders", equalTo(2))
                .body("averageOrderValue", equalTo(1052.50f))
                .body("firstOrderAt", equalTo("2026-10-01T10:00:00Z"))
                .body("lastOrderAt", equalTo("2026-10-05T10:00:00Z"))
                .body("clv", equalTo(6315.00f));
        // Clara: active 393 days (2025-02-01 to 2026-03-01): CLV = 50 x (2 / (393 / 365.25)) x 3 = 278.82.
        get(hq, "/api/v1/analytics/customers/" + c.clara() + "/value").statusCode(200)
                .body("revenue", equalTo(100.00f))
                .body("orders", equalTo(2))
                .body("clv", equalTo(278.82f));
    }

    @Test
    void shouldScoreRfmQuintilesAndNameSegmentsPerScope() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String hamburg = tenant.unitToken("hamburg", "agent");
        Customers c = publishCustomers(tenant);
        c.data().awaitApplied(hq);
        awaitScored(hq, c.emil());

        expectRfm(hq, c.anna(), 4, 5, 5, "champions");
        expectRfm(hq, c.ben(), 5, 1, 3, "new");
        expectRfm(hq, c.clara(), 2, 3, 2, "at_risk");
        expectRfm(hq, c.dirk(), 3, 3, 4, "hibernating");
        expectRfm(hq, c.emil(), 1, 1, 1, "lost");

        expectRfm(hamburg, c.anna(), 2, 4, 4, "at_risk");
        expectRfm(hamburg, c.ben(), 4, 1, 2, "new");
        expectRfm(hamburg, c.emil(), 1, 1, 1, "lost");
        get(hamburg, "/api/v1/analytics/customers/" + c.anna() + "/value").statusCode(200)
                .body("unitId", equalTo(tenant.unit("hamburg")))
                .body("revenue", equalTo(3000.00f))
                .body("clv", equalTo(9000.00f));
    }

    @Test
    void shouldSummariseSegmentsAndRankTopCustomers() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        Customers c = publishCustomers(tenant);
        c.data().awaitApplied(hq);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(hq, "/api/v1/analytics/customers/segments").statusCode(200).body("customers", equalTo(5)));

        get(hq, "/api/v1/analytics/customers/segments").statusCode(200)
                .body("segments.segment", contains("champions", "loyal", "potential_loyalists", "new", "at_risk",
                        "hibernating", "lost"))
                .body("segments.customers", contains(1, 0, 0, 1, 1, 1, 1))
                .body("segments.find { it.segment == 'champions' }.share", equalTo(0.2f))
                .body("segments.find { it.segment == 'hibernating' }.revenue", equalTo(2105.00f))
                .body("segments.find { it.segment == 'loyal' }.averageRevenue", nullValue());

        get(hq, "/api/v1/analytics/customers/top?limit=3").statusCode(200)
                .body("items", hasSize(3))
                .body("items.lastName", contains("Albers", "Drews", "Bauer"))
                .body("items.revenue", contains(3000.00f, 2105.00f, 1000.00f))
                .body("items.rank", contains(1, 2, 3))
                .body("items[0].firstName", equalTo("Anna"))
                .body("items[0].orders", equalTo(3))
                .body("items[0].clv", equalTo(9000.00f));
        get(tenant.unitToken("munich", "agent"), "/api/v1/analytics/customers/top").statusCode(200)
                .body("items.lastName", contains("Drews", "Conrad"))
                .body("items.revenue", contains(2105.00f, 100.00f));
    }

    @Test
    void shouldAnswer404ForCustomersOutsideTheCallersScope() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        Customers c = publishCustomers(tenant);
        c.data().awaitApplied(hq);

        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/customers/" + c.clara() + "/value")
                .statusCode(404).contentType("application/problem+json");
        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/api/v1/analytics/customers/" + c.anna() + "/value")
                .statusCode(404).contentType("application/problem+json");
        get(hq, "/api/v1/analytics/customers/" + DataSet.id() + "/value").statusCode(404);
        get(hq, "/api/v1/analytics/customers/not-a-uuid/value").statusCode(404).contentType("application/problem+json");
        get(hq, "/api/v1/analytics/customers/top?limit=0").statusCode(400).body("errors[0].field", equalTo("limit"));
        get(hq, "/api/v1/analytics/customers/top?limit=abc").statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private static void expectRfm(String token, String contactId, int r, int f, int m, String segment) {
        get(token, "/api/v1/analytics/customers/" + contactId + "/value").statusCode(200)
                .body("rfm.recency", equalTo(r))
                .body("rfm.frequency", equalTo(f))
                .body("rfm.monetary", equalTo(m))
                .body("rfm.segment", equalTo(segment));
    }
}
