package crm.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Headquarters staff: the whole brand's customers and the figures as charts. */
class HeadquartersConsoleIT {

    @Test
    void shouldSeeTheCustomersOfAllUnits() {
        Franchise franchise = Franchise.create();
        Franchise.Staff henrik = franchise.staff("Henrik", null, "manager");
        String hamburg = "Hamburg" + UUID.randomUUID().toString().substring(0, 6);
        String munich = "Munich" + UUID.randomUUID().toString().substring(0, 6);
        franchise.staff("Hanna", "hamburg", "agent").createContact("Jana", hamburg);
        franchise.staff("Mia", "munich", "agent").createContact("Sepp", munich);

        try (Browser browser = Browser.english().signIn(henrik)) {
            assertThat(browser.byId("user-unit").getText()).contains("Headquarters");
            browser.open("/console/customers");
            browser.waitForText(By.id("customer-table"), munich);
            assertThat(browser.byId("customer-table").getText()).contains(hamburg).contains(munich)
                    .contains(franchise.unit("hamburg")).contains(franchise.unit("munich"));
        }
    }

    /**
     * Purchases of customers in two units reach analytics-service as events; once its read models have them,
     * every figure whose read model has rows is drawn as a chart with that many points.
     */
    @Test
    void shouldDrawTheDashboardsAsChartsWithTheBrandsData() {
        Franchise franchise = Franchise.create();
        Franchise.Staff anna = franchise.staff("Anna", null, "admin", "manager", "agent");
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");
        Franchise.Staff mia = franchise.staff("Mia", "munich", "agent");
        buy(hanna, hanna.createContact("Jana", "Schulz"), "EBIKE-CITY", 2999.00, "HELMET-1", 89.90);
        buy(hanna, hanna.createContact("Ole", "Hansen"), "EBIKE-CITY", 2999.00, "LOCK-2", 49.00);
        buy(mia, mia.createContact("Sepp", "Huber"), "EBIKE-TREKKING", 3499.00, "HELMET-1", 89.90);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(anna.api().get("/api/v1/analytics/customers/top?limit=10").then().extract().statusCode())
                        .isEqualTo(200));
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() ->
                rows(anna, "/api/v1/analytics/customers/top?limit=10") >= 3);

        try (Browser browser = Browser.english().signIn(anna)) {
            browser.open("/console/figures");
            Map<String, String> sources = Map.of(
                    "top-customers", "/api/v1/analytics/customers/top?limit=10",
                    "revenue-trend", "/api/v1/analytics/demand/products?period=month",
                    "top-sellers", "/api/v1/analytics/demand/top-sellers?limit=10",
                    "league", "/api/v1/analytics/league");
            int drawn = 0;
            for (Map.Entry<String, String> figure : sources.entrySet()) {
                if (rows(anna, figure.getValue()) == 0) {
                    continue;
                }
                By chart = By.cssSelector("#figure-" + figure.getKey() + " .chart[data-rendered] canvas");
                browser.find(chart);
                String points = browser.driver().findElement(By.cssSelector("#figure-" + figure.getKey() + " .chart"))
                        .getAttribute("data-points");
                assertThat(Integer.parseInt(points)).as(figure.getKey()).isPositive();
                drawn++;
            }
            assertThat(drawn).as("figures drawn with data").isGreaterThanOrEqualTo(1);
            browser.screenshot("figures");
        }
    }

    private static void buy(Franchise.Staff seller, String contactId, String sku, double price, String sku2, double price2) {
        seller.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("externalOrderId", "order-" + UUID.randomUUID(), "contactId", contactId,
                        "purchasedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).toString(), "channel", "in_store",
                        "currency", "EUR", "lines", List.of(Map.of("sku", sku, "quantity", 1, "unitPrice", price),
                                Map.of("sku", sku2, "quantity", 2, "unitPrice", price2))))
                .post("/api/v1/purchases").then().statusCode(201);
    }

    /** How many rows a figure's read model has for this user; none while it does not answer. */
    private static int rows(Franchise.Staff staff, String path) {
        var answer = staff.api().get(path);
        if (answer.statusCode() != 200) {
            return 0;
        }
        Object items = answer.jsonPath().get("items");
        if (items instanceof List<?> list) {
            return list.size();
        }
        Object root = answer.jsonPath().get("$");
        return root instanceof List<?> list ? list.size() : 0;
    }
}
