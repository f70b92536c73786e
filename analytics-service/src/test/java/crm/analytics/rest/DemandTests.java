package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
 * Demand from a hand-made data set. Sales (units, revenue):
 *
 * <pre>
 *   2026-10-15 (Thu)  H  BIKE 1 (1000)
 *   2026-11-02 (Mon)  H  BIKE 2 (2000), HELMET 1 (50)
 *   2026-11-03 (Tue)  H  HELMET 3 (150)
 *   2026-11-09 (Mon)  M  BIKE 1 (1000), SVC-INSPECT 1 (90)
 *   2026-11-20 (Fri)  H  SVC-INSPECT 2 (180)
 *   2026-11-21 (Sat)  H  won deal: SVC-REPAIR 1 (120)
 * </pre>
 *
 * Catalogue: BIKE, HELMET, LOCK (never sold), OLDLOCK (inactive) as products; SVC-INSPECT and SVC-REPAIR
 * as services. Tickets opened: repair 3 and billing 1 in November, repair 1 in October.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class DemandTests {

    static DataSet publishSales(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        // Sales first, the catalogue afterwards: names and kinds are joined when reports are read.
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", "2026-10-15T10:00:00Z", "EUR", "1000.00",
                "BIKE", 1, "1000.00");
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", "2026-11-02T10:00:00Z", "EUR", "2050.00",
                "BIKE", 2, "2000.00", "HELMET", 1, "50.00");
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", "2026-11-03T10:00:00Z", "EUR", "150.00",
                "HELMET", 3, "150.00");
        data.purchase(DataSet.id(), DataSet.id(), "munich", "2026-11-09T10:00:00Z", "EUR", "1090.00",
                "BIKE", 1, "1000.00", "SVC-INSPECT", 1, "90.00");
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", "2026-11-20T10:00:00Z", "EUR", "180.00",
                "SVC-INSPECT", 2, "180.00");
        data.opportunityWon(DataSet.id(), null, DataSet.id(), null, "hamburg", "120.00", "2026-11-21T10:00:00Z",
                "SVC-REPAIR", 1, "120.00");
        data.productUpserted("BIKE", "City bike", "product", true);
        data.productUpserted("HELMET", "Helmet", "product", true);
        data.productUpserted("LOCK", "Lock", "product", true);
        data.productUpserted("OLDLOCK", "Old lock", "product", false);
        data.productUpserted("SVC-INSPECT", "Inspection", "service", true);
        data.productUpserted("SVC-REPAIR", "Repair", "service", true);
        String queue = DataSet.id();
        data.ticketOpened(DataSet.id(), "hamburg", queue, "Workshop", "repair", "2026-11-04T10:00:00Z");
        data.ticketOpened(DataSet.id(), "hamburg", queue, "Workshop", "repair", "2026-11-05T10:00:00Z");
        data.ticketOpened(DataSet.id(), "munich", queue, "Workshop", "repair", "2026-11-30T23:00:00Z");
        data.ticketOpened(DataSet.id(), "hamburg", queue, "Workshop", "billing", "2026-11-06T10:00:00Z");
        data.ticketOpened(DataSet.id(), "hamburg", queue, "Workshop", "repair", "2026-10-31T23:59:00Z");
        return data;
    }

    @Test
    void shouldReportMonthlySalesPerSkuWithTrendPageByPage() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishSales(tenant).awaitApplied(hq);
        String path = "/api/v1/analytics/demand/products?period=month&from=2026-10-01&to=2026-11-30&limit=2";

        var first = get(hq, path).statusCode(200)
                .body("period", equalTo("month"))
                .body("items.sku", contains("BIKE", "BIKE"))
                .body("items.periodStart", contains("2026-10-01", "2026-11-01"))
                .body("items[0].units", equalTo(1.0f))
                .body("items[0].previousUnits", nullValue())
                .body("items[0].unitsChange", nullValue())
                .body("items[1].name", equalTo("City bike"))
                .body("items[1].units", equalTo(3.0f))
                .body("items[1].revenue", equalTo(3000.00f))
                .body("items[1].orders", equalTo(2))
                .body("items[1].previousUnits", equalTo(1.0f))
                .body("items[1].unitsChange", equalTo(2.0f))
                .body("items[1].revenueChange", equalTo(2.0f))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        String second = get(hq, path + "&cursor=" + first).statusCode(200)
                .body("items.sku", contains("HELMET", "SVC-INSPECT"))
                .body("items.units", contains(4.0f, 3.0f))
                .body("items.revenue", contains(200.00f, 270.00f))
                .extract().path("nextCursor");
        get(hq, path + "&cursor=" + second).statusCode(200)
                .body("items.sku", contains("SVC-REPAIR"))
                .body("nextCursor", nullValue());
        get(hq, "/api/v1/analytics/demand/products?period=week&cursor=" + first).statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldReportWeeksAndDaysWithTheChangeAgainstThePreviousPeriod() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishSales(tenant).awaitApplied(hq);

        get(hq, "/api/v1/analytics/demand/products?period=week&from=2026-11-02&to=2026-11-15").statusCode(200)
                .body("items.periodStart", contains("2026-11-02", "2026-11-02", "2026-11-09", "2026-11-09"))
                .body("items.sku", contains("BIKE", "HELMET", "BIKE", "SVC-INSPECT"))
                .body("items.units", contains(2.0f, 4.0f, 1.0f, 1.0f))
                .body("items[2].previousUnits", equalTo(2.0f))
                .body("items[2].unitsChange", equalTo(-0.5f));
        get(hq, "/api/v1/analytics/demand/products?period=day&from=2026-11-02&to=2026-11-03&sku=HELMET")
                .statusCode(200)
                .body("items.units", contains(1.0f, 3.0f))
                .body("items[1].unitsChange", equalTo(2.0f));
    }

    @Test
    void shouldRankTopSellersByUnitsOrRevenueAcrossDaysAndMonths() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishSales(tenant).awaitApplied(hq);

        get(hq, "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30").statusCode(200)
                .body("items.sku", contains("HELMET", "BIKE", "SVC-INSPECT", "SVC-REPAIR"))
                .body("items.units", contains(4.0f, 3.0f, 3.0f, 1.0f))
                .body("items.rank", contains(1, 2, 3, 4));
        get(hq, "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30&by=revenue&limit=2")
                .statusCode(200)
                .body("items.sku", contains("BIKE", "SVC-INSPECT"))
                .body("items.revenue", contains(3000.00f, 270.00f));
        // Days 15-31 October plus the month of November.
        get(hq, "/api/v1/analytics/demand/top-sellers?from=2026-10-15&to=2026-11-30&limit=1").statusCode(200)
                .body("items[0].sku", equalTo("BIKE"))
                .body("items[0].units", equalTo(4.0f))
                .body("items[0].orders", equalTo(3));
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/demand/top-sellers?from=2026-11-01&to=2026-11-30")
                .statusCode(200)
                .body("items.sku", contains("HELMET", "BIKE", "SVC-INSPECT", "SVC-REPAIR"))
                .body("items.units", contains(4.0f, 2.0f, 2.0f, 1.0f));
    }

    @Test
    void shouldListSlowSellersWithNeverSoldItemsFirst() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishSales(tenant).awaitApplied(hq);

        get(hq, "/api/v1/analytics/demand/slow-sellers?asOf=2026-11-30&days=30").statusCode(200)
                .body("from", equalTo("2026-11-01"))
                .body("items.sku", contains("LOCK", "SVC-REPAIR", "BIKE", "SVC-INSPECT", "HELMET"))
                .body("items.units", contains(0, 1.0f, 3.0f, 3.0f, 4.0f))
                .body("items.unitsPerDay", contains(0.0f, 0.0333f, 0.1f, 0.1f, 0.1333f))
                .body("items.neverSold", contains(true, false, false, false, false))
                .body("items[2].lastSoldAt", equalTo("2026-11-09T10:00:00Z"));
        get(hq, "/api/v1/analytics/demand/slow-sellers?asOf=2026-11-30&days=30&kind=product&limit=2").statusCode(200)
                .body("items.sku", contains("LOCK", "BIKE"));
        get(hq, "/api/v1/analytics/demand/slow-sellers?days=366").statusCode(400)
                .body("errors[0].field", equalTo("days"));
    }

    @Test
    void shouldListTheMostRequestedServices() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishSales(tenant).awaitApplied(hq);

        get(hq, "/api/v1/analytics/demand/services?from=2026-11-01&to=2026-11-30").statusCode(200)
                .body("ticketCategories.category", contains("repair", "billing"))
                .body("ticketCategories.tickets", contains(3, 1))
                .body("servicePurchases.sku", contains("SVC-INSPECT", "SVC-REPAIR"))
                .body("servicePurchases.units", contains(3.0f, 1.0f))
                .body("servicePurchases.revenue", contains(270.00f, 120.00f));
        get(tenant.unitToken("munich", "agent"), "/api/v1/analytics/demand/services?from=2026-11-01&to=2026-11-30")
                .statusCode(200)
                .body("ticketCategories.tickets", contains(1))
                .body("servicePurchases.sku", contains("SVC-INSPECT"))
                .body("servicePurchases.units", contains(1.0f));
        get(hq, "/api/v1/analytics/demand/services?from=2026-10-01&to=2026-11-30").statusCode(200)
                .body("ticketCategories.tickets", contains(4, 1));
        get(hq, "/api/v1/analytics/demand/services?from=2026-12-01&to=2026-11-30").statusCode(400)
                .body("errors[0].field", equalTo("from"));
        get(hq, "/api/v1/analytics/demand/products?period=year").statusCode(400)
                .body("errors[0].field", equalTo("period"));
        List.of("from=2026-13-01", "to=yesterday").forEach(q ->
                get(hq, "/api/v1/analytics/demand/top-sellers?" + q).statusCode(400));
    }
}
