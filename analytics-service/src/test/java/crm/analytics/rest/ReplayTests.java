package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.assertj.core.api.Assertions.assertThat;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Replays change nothing: every event of each hand-made data set is delivered again with its id (a
 * redelivery the inbox skips) and again under a new id (a producer that published twice: orders are
 * deduplicated by their id, leads and tickets by their unchanged state), and every report stays as it was.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ReplayTests {

    private static final List<String> REPORTS = List.of(
            "/api/v1/analytics/customers/top?limit=200",
            "/api/v1/analytics/customers/segments",
            "/api/v1/analytics/demand/products?period=month&from=2025-01-01&to=2026-12-31&limit=200",
            "/api/v1/analytics/demand/products?period=day&from=2026-10-01&to=2026-11-30&limit=200",
            "/api/v1/analytics/demand/top-sellers?from=2025-01-01&to=2026-12-31&limit=200",
            "/api/v1/analytics/demand/slow-sellers?asOf=2026-11-30&limit=200",
            "/api/v1/analytics/demand/services?from=2025-01-01&to=2026-12-31",
            "/api/v1/analytics/cross-sell/rules?limit=200",
            "/api/v1/analytics/funnel?by=channel&from=2026-01&to=2026-12",
            "/api/v1/analytics/funnel?by=unit&from=2026-01&to=2026-12",
            "/api/v1/analytics/campaigns/return",
            "/api/v1/analytics/leads/lookalikes?limit=200",
            "/api/v1/analytics/service?from=2026-10&to=2026-11",
            "/api/v1/analytics/league?period=2026-11");

    @Test
    void shouldChangeNoFigureWhenCustomerEventsArriveAgain() {
        replayAndCompare(CustomerValueTests::publishCustomers, d -> d.data());
    }

    @Test
    void shouldChangeNoFigureWhenSalesAndTicketsArriveAgain() {
        replayAndCompare(DemandTests::publishSales, d -> d);
    }

    @Test
    void shouldChangeNoFigureWhenBasketsArriveAgain() {
        replayAndCompare(CrossSellTests::publishBaskets, CrossSellTests.Baskets::data);
    }

    @Test
    void shouldChangeNoFigureWhenLeadsCampaignsAndLinksArriveAgain() {
        replayAndCompare(FunnelTests::publishLeads, d -> d);
    }

    @Test
    void shouldChangeNoFigureWhenTicketEventsArriveAgain() {
        replayAndCompare(ServiceFiguresTests::publishTickets, d -> d);
    }

    @Test
    void shouldChangeNoFigureWhenLookalikeDataArrivesAgain() {
        replayAndCompare(LookalikeTests::publishLeads, LookalikeTests.Leads::data);
    }

    private static <T> void replayAndCompare(Function<TestTenant, T> publish, Function<T, DataSet> dataOf) {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        DataSet data = dataOf.apply(publish.apply(tenant));
        data.awaitApplied(hq);
        // Scores settle in the background; wait until two reads a scoring round apart agree.
        Map<String, String> before = settled(hq);
        List<DataSet.Sent> original = data.sent();

        original.forEach(data::repeat);
        data.publishMarkers();
        data.awaitApplied(hq);
        assertThat(snapshot(hq)).isEqualTo(before);

        original.stream().filter(e -> !e.json().contains("\"crm.contact.created.v1\"")).forEach(data::repeatWithNewId);
        data.publishMarkers();
        data.awaitApplied(hq);
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(snapshot(hq)).isEqualTo(before));
    }

    private static Map<String, String> settled(String token) {
        Map<String, String>[] last = new Map[] {snapshot(token)};
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(40)).until(() -> {
                    Map<String, String> now = snapshot(token);
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        return last[0];
    }

    private static Map<String, String> snapshot(String token) {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : REPORTS) {
            String body = get(token, path).statusCode(200).extract().asString();
            reports.put(path, body.replaceAll("\"scoredAt\":\"[^\"]*\"", ""));
        }
        return reports;
    }
}
