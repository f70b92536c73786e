package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The league table of three units for November 2026:
 *
 * <pre>
 *   unit   revenue Oct -> Nov   growth   leads conv/capt   SLA targets met   ratings     
 *   H      1000 -> 1500         +0.5     1/4 = 0.25        3/4 = 0.75        4, 5 = 4.5
 *   M      2000 -> 1000         -0.5     1/2 = 0.5         2/2 = 1.0         3   = 3.0
 *   K         - ->  500          -       -                 -                 -
 * </pre>
 *
 * Brand average over the three units: revenue 1000, growth 0, conversion 0.375, SLA 0.875, rating 3.75
 * (figures a unit does not have are left out of the mean).
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class LeagueTests {

    static DataSet publishUnits(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", "2026-10-10T10:00:00Z", "EUR", "1000.00", "BIKE", 1, "1000.00");
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", "2026-11-10T10:00:00Z", "EUR", "1500.00", "BIKE", 1, "1500.00");
        data.purchase(DataSet.id(), DataSet.id(), "munich", "2026-10-10T10:00:00Z", "EUR", "2000.00", "BIKE", 1, "2000.00");
        data.purchase(DataSet.id(), DataSet.id(), "munich", "2026-11-10T10:00:00Z", "EUR", "1000.00", "BIKE", 1, "1000.00");
        data.purchase(DataSet.id(), DataSet.id(), "kiel", "2026-11-10T10:00:00Z", "EUR", "500.00", "BIKE", 1, "500.00");
        for (int i = 0; i < 4; i++) {
            String lead = DataSet.id();
            data.leadCaptured(lead, "hamburg", "website", null, "2026-11-0" + (i + 1) + "T10:00:00Z", null, null, List.of());
            if (i == 0) {
                data.leadStatus(lead, "qualified", "converted", "2026-11-05T10:00:00Z", null);
            }
        }
        for (int i = 0; i < 2; i++) {
            String lead = DataSet.id();
            data.leadCaptured(lead, "munich", "website", null, "2026-11-0" + (i + 1) + "T10:00:00Z", null, null, List.of());
            if (i == 0) {
                data.leadStatus(lead, "qualified", "converted", "2026-11-05T10:00:00Z", null);
            }
        }
        String h1 = DataSet.id();
        String h2 = DataSet.id();
        String m1 = DataSet.id();
        data.ticketOpened(h1, "hamburg", null, null, "repair", "2026-11-02T10:00:00Z");
        data.ticketResolved(h1, "2026-11-03T10:00:00Z", 10, 100, true, true);
        data.ticketRated(h1, 4, "2026-11-04T10:00:00Z");
        data.ticketOpened(h2, "hamburg", null, null, "repair", "2026-11-02T10:00:00Z");
        data.ticketResolved(h2, "2026-11-03T10:00:00Z", 10, 100, true, false);
        data.ticketRated(h2, 5, "2026-11-04T10:00:00Z");
        data.ticketOpened(m1, "munich", null, null, "repair", "2026-11-02T10:00:00Z");
        data.ticketResolved(m1, "2026-11-03T10:00:00Z", 10, 100, true, true);
        data.ticketRated(m1, 3, "2026-11-04T10:00:00Z");
        return data;
    }

    @Test
    void shouldRankEveryUnitForHeadquarters() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishUnits(tenant).awaitApplied(hq);

        get(hq, "/api/v1/analytics/league?period=2026-11").statusCode(200)
                .body("period", equalTo("2026-11"))
                .body("previousPeriod", equalTo("2026-10"))
                .body("units.unitId", contains(tenant.unit("hamburg"), tenant.unit("munich"), tenant.unit("kiel")))
                .body("units.revenue", contains(1500.00f, 1000.00f, 500.00f))
                .body("units.previousRevenue", contains(1000.00f, 2000.00f, null))
                .body("units.growth", contains(0.5f, -0.5f, null))
                .body("units.conversionRate", contains(0.25f, 0.5f, null))
                .body("units.slaCompliance", contains(0.75f, 1.0f, null))
                .body("units.averageRating", contains(4.5f, 3.0f, null))
                .body("units[0].ranks.revenue", equalTo(1))
                .body("units[0].ranks.growth", equalTo(1))
                .body("units[0].ranks.conversionRate", equalTo(2))
                .body("units[0].ranks.slaCompliance", equalTo(2))
                .body("units[0].ranks.averageRating", equalTo(1))
                .body("units[2].ranks.revenue", equalTo(3))
                .body("units[2].ranks.growth", nullValue())
                .body("brandAverage.units", equalTo(3))
                .body("brandAverage.revenue", equalTo(1000.00f))
                .body("brandAverage.growth", equalTo(0.0f))
                .body("brandAverage.conversionRate", equalTo(0.375f))
                .body("brandAverage.slaCompliance", equalTo(0.875f))
                .body("brandAverage.averageRating", equalTo(3.75f));
        get(hq, "/api/v1/analytics/league?period=2026-11&sort=conversionRate").statusCode(200)
                .body("units.unitId", contains(tenant.unit("munich"), tenant.unit("hamburg"), tenant.unit("kiel")));
        get(hq, "/api/v1/analytics/league?sort=profit").statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shouldShowAFranchiseeOnlyItsOwnRowAndTheBrandAverage() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishUnits(tenant).awaitApplied(hq);

        get(tenant.unitToken("munich", "agent"), "/api/v1/analytics/league?period=2026-11").statusCode(200)
                .body("units", hasSize(1))
                .body("units[0].unitId", equalTo(tenant.unit("munich")))
                .body("units[0].revenue", equalTo(1000.00f))
                .body("units[0].ranks", nullValue())
                .body("brandAverage.units", equalTo(3))
                .body("brandAverage.revenue", equalTo(1000.00f))
                .body("brandAverage.conversionRate", equalTo(0.375f))
                .body(not(containsString(tenant.unit("hamburg"))))
                .body(not(containsString("1500")));
    }
}
