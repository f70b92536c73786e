package crm.leads.events;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.patch;
import static crm.leads.support.SalesApi.post;
import static crm.leads.support.SalesApi.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.Api;
import crm.leads.support.Events;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sales side's events arrive on crm.leads through the outbox with the catalogue's payloads. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class SalesEventsTests {

    @Test
    void shouldPublishOpenedStageChangedAndWonWithTheLineItems() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("admin");
        String agent = tenant.unitToken("hamburg", "agent");
        product(hq, "EB-CARGO", "4799.00", "product");
        String contactId = UUID.randomUUID().toString();
        String campaign = create(hq, "/api/v1/campaigns", "{\"name\":\"Fair\",\"channel\":\"trade_fair\",\"startsOn\":\"2026-01-01\"}");
        try (Events events = Events.ofLeads()) {
            String id = create(agent, "/api/v1/opportunities", """
                    {"name":"Cargo fleet","expectedCloseOn":"2026-06-30","contactId":"%s","campaignId":"%s",
                     "lines":[{"sku":"EB-CARGO","quantity":2,"discountPercent":10}]}""".formatted(contactId, campaign));
            post(agent, "/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"proposal\"}").statusCode(200);
            post(agent, "/api/v1/opportunities/" + id + "/win", "{}").statusCode(200);

            JsonNode opened = events.await(id, OpportunityEvents.OPPORTUNITY_OPENED);
            JsonNode moved = events.await(id, OpportunityEvents.OPPORTUNITY_STAGE_CHANGED);
            JsonNode won = events.await(id, OpportunityEvents.OPPORTUNITY_WON);

            assertThat(opened.get("source").asText()).isEqualTo("/crm/leads-service");
            assertThat(opened.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(opened.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            JsonNode o = opened.get("data");
            assertThat(o.get("opportunityId").asText()).isEqualTo(id);
            assertThat(o.get("leadId").isNull()).isTrue();
            assertThat(o.get("contactId").asText()).isEqualTo(contactId);
            assertThat(o.get("stage").asText()).isEqualTo("qualification");
            assertThat(o.get("probability").asInt()).isEqualTo(10);
            assertThat(o.get("amount").decimalValue()).isEqualByComparingTo("8638.20");
            assertThat(o.get("currency").asText()).isEqualTo("EUR");
            assertThat(o.get("expectedCloseOn").asText()).isEqualTo("2026-06-30");
            assertThat(o.get("ownerId").asText()).isEqualTo(Api.subject(agent));
            assertThat(o.get("openedAt").asText()).isNotBlank();
            assertThat(o.has("companyId") && o.has("name")).isTrue();

            JsonNode m = moved.get("data");
            assertThat(m.get("from").asText()).isEqualTo("qualification");
            assertThat(m.get("to").asText()).isEqualTo("proposal");
            assertThat(m.get("probability").asInt()).isEqualTo(50);
            assertThat(m.get("contactId").asText()).isEqualTo(contactId);
            assertThat(m.get("amount").decimalValue()).isEqualByComparingTo("8638.20");
            assertThat(m.get("changedAt").asText()).isNotBlank();

            JsonNode w = won.get("data");
            assertThat(won.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(w.get("campaignId").asText()).isEqualTo(campaign);
            assertThat(w.get("amount").decimalValue()).isEqualByComparingTo("8638.20");
            assertThat(w.get("wonAt").asText()).isNotBlank();
            assertThat(w.get("lines")).hasSize(1);
            JsonNode line = w.get("lines").get(0);
            assertThat(line.get("sku").asText()).isEqualTo("EB-CARGO");
            assertThat(line.get("quantity").decimalValue()).isEqualByComparingTo("2");
            assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("4799.00");
            assertThat(line.get("discountPercent").decimalValue()).isEqualByComparingTo("10");
            assertThat(line.get("lineTotal").decimalValue()).isEqualByComparingTo(new BigDecimal("8638.20"));
            assertThat(line.get("kind").asText()).isEqualTo("product");
        }
    }

    @Test
    void shouldPublishLostWithTheReason() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        try (Events events = Events.ofLeads()) {
            String id = create(agent, "/api/v1/opportunities", "{\"name\":\"Deal\",\"expectedCloseOn\":\"2026-06-30\","
                    + "\"amount\":1200,\"stage\":\"negotiation\"}");
            post(agent, "/api/v1/opportunities/" + id + "/lose", "{\"reason\":\"Too expensive\"}").statusCode(200);

            JsonNode lost = events.await(id, OpportunityEvents.OPPORTUNITY_LOST);

            assertThat(lost.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(lost.has("unitid")).isFalse();
            JsonNode l = lost.get("data");
            assertThat(l.get("opportunityId").asText()).isEqualTo(id);
            assertThat(l.get("reason").asText()).isEqualTo("Too expensive");
            assertThat(l.get("amount").decimalValue()).isEqualByComparingTo("1200.00");
            assertThat(l.get("currency").asText()).isEqualTo("EUR");
            assertThat(l.get("lostAt").asText()).isNotBlank();
            assertThat(l.get("stage").asText()).isEqualTo("negotiation");
            assertThat(l.has("leadId") && l.has("contactId")).isTrue();
        }
    }

    @Test
    void shouldPublishTheProductsWholeStateOnEveryChange() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        try (Events events = Events.ofLeads()) {
            String id = product(hq, "SV-CHECK", "89.00", "service");
            patch(hq, "/api/v1/products/" + id, null, "{\"active\":false}").statusCode(200);

            JsonNode created = events.await(id, ProductEvents.PRODUCT_UPSERTED);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> events.all(id).size() == 2);
            JsonNode retired = events.all(id).get(1);

            assertThat(created.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(created.has("unitid")).isFalse();
            JsonNode p = created.get("data");
            assertThat(p.get("productId").asText()).isEqualTo(id);
            assertThat(p.get("sku").asText()).isEqualTo("SV-CHECK");
            assertThat(p.get("name").asText()).isEqualTo("Item SV-CHECK");
            assertThat(p.get("category").asText()).isEqualTo("e-bikes");
            assertThat(p.get("kind").asText()).isEqualTo("service");
            assertThat(p.get("listPrice").decimalValue()).isEqualByComparingTo("89.00");
            assertThat(p.get("currency").asText()).isEqualTo("EUR");
            assertThat(p.get("active").asBoolean()).isTrue();
            assertThat(p.get("updatedAt").asText()).isNotBlank();
            assertThat(retired.get("type").asText()).isEqualTo(ProductEvents.PRODUCT_UPSERTED);
            assertThat(retired.get("data").get("active").asBoolean()).isFalse();
            assertThat(retired.get("data").get("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void shouldPublishTheCampaignsWholeStateOnEveryChange() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "manager");
        try (Events events = Events.ofLeads()) {
            String id = create(hamburg, "/api/v1/campaigns", "{\"name\":\"Alster ride\",\"channel\":\"event\","
                    + "\"startsOn\":\"2026-06-01\",\"endsOn\":\"2026-06-02\",\"budget\":2500}");

            JsonNode upserted = events.await(id, CampaignEvents.CAMPAIGN_UPSERTED);

            assertThat(upserted.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            JsonNode c = upserted.get("data");
            assertThat(c.get("campaignId").asText()).isEqualTo(id);
            assertThat(c.get("name").asText()).isEqualTo("Alster ride");
            assertThat(c.get("channel").asText()).isEqualTo("event");
            assertThat(c.get("startsOn").asText()).isEqualTo("2026-06-01");
            assertThat(c.get("endsOn").asText()).isEqualTo("2026-06-02");
            assertThat(c.get("budget").decimalValue()).isEqualByComparingTo("2500.00");
            assertThat(c.get("currency").asText()).isEqualTo("EUR");
            assertThat(c.get("updatedAt").asText()).isNotBlank();
        }
    }
}
