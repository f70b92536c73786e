package crm.leads.rest;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.money;
import static crm.leads.support.SalesApi.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The weighted forecast on the real database, with figures worked out by hand. The deals close in 2030
 * so that the default pipeline's probabilities (10, 25, 50, 75 %) and the range are under the test's control:
 * <pre>
 *  A  Hamburg, Ana   10,000.00  qualification 10 %  2030-03-15  ->  1,000.00
 *  B  Hamburg, Ana    4,000.00  proposal      50 %  2030-03-31  ->  2,000.00
 *  C  Munich,  Ben    3,000.00  won on              2030-03-10  ->  3,000.00 (100 %)
 *  D  Munich,  Ben    5,000.00  lost                2030-03-20  ->      0.00
 *  E  Munich,  Ben    2,000.00  negotiation   75 %  2030-04-02  ->  1,500.00
 *  F  Hamburg, Ana    1,000.00  proposal      50 %  2030-06-01  ->  outside March-April
 *  G  HQ,      Hq       333.33  needs_analysis 25 % 2030-04-30  ->     83.3325
 *  March: open 14,000.00, weighted 3,000.00, won 3,000.00, forecast 6,000.00
 *  April: open  2,333.33, weighted 1,583.3325 -> 1,583.33, forecast 1,583.33
 *  Total: weighted 4,583.3325 -> 4,583.33, forecast 7,583.3325 -> 7,583.33
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class ForecastTests {

    private static final String MARCH_TO_APRIL = "/api/v1/opportunities/forecast?from=2030-03&to=2030-04";

    private record Pipeline(TestTenant tenant, String hq, String ana, String ben) {
    }

    private static Pipeline pipeline() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        Pipeline p = new Pipeline(tenant, tenant.hqToken("manager"), tenant.unitToken("hamburg", "agent"),
                tenant.unitToken("munich", "agent"));
        deal(p.ana(), "10000", "qualification", "2030-03-15");
        deal(p.ana(), "4000", "proposal", "2030-03-31");
        String c = deal(p.ben(), "3000", "qualification", "2030-06-30");
        post(p.ben(), "/api/v1/opportunities/" + c + "/win", "{\"closedOn\":\"2030-03-10\"}").statusCode(200);
        String d = deal(p.ben(), "5000", "negotiation", "2030-03-20");
        post(p.ben(), "/api/v1/opportunities/" + d + "/lose", "{\"reason\":\"price\"}").statusCode(200);
        deal(p.ben(), "2000", "negotiation", "2030-04-02");
        deal(p.ana(), "1000", "proposal", "2030-06-01");
        deal(p.hq(), "333.33", "needs_analysis", "2030-04-30");
        return p;
    }

    private static String deal(String token, String amount, String stage, String closeOn) {
        return create(token, "/api/v1/opportunities", "{\"name\":\"Deal\",\"amount\":" + amount + ",\"stage\":\""
                + stage + "\",\"expectedCloseOn\":\"" + closeOn + "\"}");
    }

    @Test
    void shouldForecastByMonthWeighingOpenDealsAndCountingWonOnesInFull() {
        Pipeline p = pipeline();

        get(p.hq(), MARCH_TO_APRIL + "&by=month").statusCode(200)
                .body("by", equalTo("month")).body("from", equalTo("2030-03")).body("to", equalTo("2030-04"))
                .body("lines.key", contains("2030-03", "2030-04"))
                .body("lines[0].currency", equalTo("EUR"))
                .body("lines[0].openCount", equalTo(2))
                .body("lines[0].openAmount", money("14000.00"))
                .body("lines[0].weightedAmount", money("3000.00"))
                .body("lines[0].wonCount", equalTo(1))
                .body("lines[0].wonAmount", money("3000.00"))
                .body("lines[0].forecast", money("6000.00"))
                .body("lines[1].openCount", equalTo(2))
                .body("lines[1].openAmount", money("2333.33"))
                .body("lines[1].weightedAmount", money("1583.33"))
                .body("lines[1].forecast", money("1583.33"))
                .body("totals", hasSize(1))
                .body("totals[0].weightedAmount", money("4583.33"))
                .body("totals[0].wonAmount", money("3000.00"))
                .body("totals[0].forecast", money("7583.33"));
    }

    @Test
    void shouldForecastByUnitAndOwner() {
        Pipeline p = pipeline();
        String hamburg = p.tenant().unit("hamburg");
        String munich = p.tenant().unit("munich");

        get(p.hq(), MARCH_TO_APRIL + "&by=unit").statusCode(200)
                .body("lines.key", contains(hamburg, munich, null))
                .body("lines[0].forecast", money("3000.00"))
                .body("lines[1].weightedAmount", money("1500.00"))
                .body("lines[1].wonAmount", money("3000.00"))
                .body("lines[1].forecast", money("4500.00"))
                .body("lines[2].forecast", money("83.33"));
        get(p.hq(), MARCH_TO_APRIL + "&by=owner").statusCode(200)
                .body("lines", hasSize(3))
                .body("lines.find { it.key == '" + Api.subject(p.ana()) + "' }.forecast", money("3000.00"))
                .body("lines.find { it.key == '" + Api.subject(p.ben()) + "' }.forecast", money("4500.00"))
                .body("lines.find { it.key == '" + Api.subject(p.hq()) + "' }.forecast", money("83.33"));
    }

    @Test
    void shouldShowAFranchiseeOnlyItsOwnUnitsForecast() {
        Pipeline p = pipeline();
        String hamburgManager = p.tenant().unitToken("hamburg", "manager");
        String stranger = TestTenant.create(DevStack.shared()).hqToken("manager");

        get(hamburgManager, MARCH_TO_APRIL + "&by=unit").statusCode(200)
                .body("lines.key", contains(p.tenant().unit("hamburg")))
                .body("totals[0].forecast", money("3000.00"));
        get(stranger, MARCH_TO_APRIL + "&by=unit").statusCode(200).body("lines", hasSize(0)).body("totals", hasSize(0));
        get(p.ana(), MARCH_TO_APRIL).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldCoverARollingYearByDefaultAndRefuseBadRanges() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        String path = "/api/v1/opportunities/forecast";

        get(hq, path).statusCode(200).body("by", equalTo("month")).body("lines", hasSize(12));
        get(hq, path + "?by=week").statusCode(400).body("errors[0].field", equalTo("by"));
        get(hq, path + "?from=2030-13").statusCode(400).body("errors[0].field", equalTo("from"));
        get(hq, path + "?from=2030-05&to=2030-04").statusCode(400).body("errors[0].field", equalTo("to"));
        get(hq, path + "?from=2030-01&to=2033-01").statusCode(400).body("errors[0].field", equalTo("to"));
        get(hq, path + "?from=2030-01&to=2032-12").statusCode(200).body("lines", hasSize(36));
    }
}
