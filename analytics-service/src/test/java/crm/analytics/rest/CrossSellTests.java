package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Association rules from eight baskets (seven purchases, one won deal):
 *
 * <pre>
 *   1 {A, B} Xaver (H)   2 {A, B} (H)   3 {A, B} (H)   4 {C} Yara   5 {C}   6 {A, C} Wanda   7 {B} won deal   8 {D}
 * </pre>
 *
 * Baskets with A: 4, with B: 4, with C: 3; A and B together: 3, A and C: 1. So A -> B has support 3/8 =
 * 0.375, confidence 3/4 = 0.75 and lift 3 x 8 / (4 x 4) = 1.5; A -> C support 1/8 = 0.125, confidence 1/4
 * = 0.25, lift 8 / 12 = 0.6667; C -> A confidence 1/3 = 0.3333, same lift.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CrossSellTests {

    record Baskets(DataSet data, String xaver, String yara, String wanda, String zeno) {
    }

    static Baskets publishBaskets(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        String xaver = DataSet.id();
        String yara = DataSet.id();
        String wanda = DataSet.id();
        String zeno = DataSet.id();
        data.contact(xaver, "hamburg", "Xaver", "Xylo");
        data.contact(yara, null, "Yara", "Yung");
        data.contact(wanda, null, "Wanda", "Weiss");
        data.contact(zeno, null, "Zeno", "Zorn");
        String day = "2026-11-02T10:00:00Z";
        data.purchase(DataSet.id(), xaver, "hamburg", day, "EUR", "110.00", "A", 1, "100.00", "B", 1, "10.00");
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", day, "EUR", "110.00", "A", 1, "100.00", "B", 1, "10.00");
        data.purchase(DataSet.id(), DataSet.id(), "hamburg", day, "EUR", "110.00", "A", 1, "100.00", "B", 1, "10.00",
                "A", 1, "100.00");
        data.purchase(DataSet.id(), yara, null, day, "EUR", "5.00", "C", 1, "5.00");
        data.purchase(DataSet.id(), DataSet.id(), null, day, "EUR", "5.00", "C", 2, "10.00");
        data.purchase(DataSet.id(), wanda, null, day, "EUR", "105.00", "A", 1, "100.00", "C", 1, "5.00");
        data.opportunityWon(DataSet.id(), null, DataSet.id(), null, null, "10.00", day, "B", 1, "10.00");
        data.purchase(DataSet.id(), zeno, null, day, "EUR", "1.00", "D", 1, "1.00");
        return new Baskets(data, xaver, yara, wanda, zeno);
    }

    @Test
    void shouldDeriveSupportConfidenceAndLiftFromBaskets() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishBaskets(tenant).data().awaitApplied(hq);

        get(hq, "/api/v1/analytics/cross-sell/rules").statusCode(200)
                .body("baskets", equalTo(8))
                .body("items.antecedent", contains("A", "B", "C", "A"))
                .body("items.consequent", contains("B", "A", "A", "C"))
                .body("items.baskets", contains(3, 3, 1, 1))
                .body("items.support", contains(0.375f, 0.375f, 0.125f, 0.125f))
                .body("items.confidence", contains(0.75f, 0.75f, 0.3333f, 0.25f))
                .body("items.lift", contains(1.5f, 1.5f, 0.6667f, 0.6667f));
        get(hq, "/api/v1/analytics/cross-sell/rules?minSupport=0.2").statusCode(200)
                .body("items.antecedent", contains("A", "B"));
        get(hq, "/api/v1/analytics/cross-sell/rules?minConfidence=0.3").statusCode(200)
                .body("items.consequent", contains("B", "A", "A"));
        get(hq, "/api/v1/analytics/cross-sell/rules?sku=A").statusCode(200)
                .body("items.consequent", contains("B", "C"));
        get(hq, "/api/v1/analytics/cross-sell/rules?minSupport=0.0001").statusCode(400)
                .body("errors[0].field", equalTo("minSupport"));
        get(hq, "/api/v1/analytics/cross-sell/rules?minConfidence=2").statusCode(400)
                .body("errors[0].field", equalTo("minConfidence"));
    }

    @Test
    void shouldKeepRulesOfAUnitToItsOwnBaskets() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishBaskets(tenant).data().awaitApplied(hq);

        // Hamburg sold three baskets, all {A, B}: every rule holds in each of them.
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/cross-sell/rules").statusCode(200)
                .body("baskets", equalTo(3))
                .body("items.antecedent", contains("A", "B"))
                .body("items.support", contains(1.0f, 1.0f))
                .body("items.confidence", contains(1.0f, 1.0f))
                .body("items.lift", contains(1.0f, 1.0f));
        get(tenant.unitToken("munich", "agent"), "/api/v1/analytics/cross-sell/rules").statusCode(200)
                .body("baskets", equalTo(0))
                .body("items", empty());
    }

    @Test
    void shouldRecommendWhatSimilarBasketsHoldAndTheCustomerHasNotBought() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        Baskets b = publishBaskets(tenant);
        b.data().awaitApplied(hq);

        get(hq, "/api/v1/analytics/customers/" + b.wanda() + "/recommendations").statusCode(200)
                .body("items.sku", contains("B"))
                .body("items[0].confidence", equalTo(0.75f))
                .body("items[0].lift", equalTo(1.5f))
                .body("items[0].becauseOf", contains("A"));
        get(hq, "/api/v1/analytics/customers/" + b.xaver() + "/recommendations").statusCode(200)
                .body("items.sku", contains("C"))
                .body("items[0].confidence", equalTo(0.25f))
                .body("items[0].becauseOf", contains("A"));
        get(hq, "/api/v1/analytics/customers/" + b.yara() + "/recommendations").statusCode(200)
                .body("items.sku", contains("A"))
                .body("items[0].confidence", equalTo(0.3333f))
                .body("items[0].lift", equalTo(0.6667f));
        get(hq, "/api/v1/analytics/customers/" + b.xaver() + "/recommendations?minConfidence=0.3").statusCode(200)
                .body("items", empty());
        get(hq, "/api/v1/analytics/customers/" + b.zeno() + "/recommendations").statusCode(200)
                .body("items", empty());
        get(tenant.unitToken("munich", "agent"), "/api/v1/analytics/customers/" + b.xaver() + "/recommendations")
                .statusCode(404);
    }
}
