package crm.leads.service;

import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.money;
import static crm.leads.support.SalesApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.events.OpportunityEvents;
import crm.leads.support.Api;
import crm.leads.support.Events;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.TenantContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the leads side relies on: opening on conversion, contact linking, export and erasure, in its transactions. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class OpportunitiesOfLeadsTests {

    @Inject
    OpportunitiesOfLeads opportunities;

    @Inject
    TenantScope scope;

    private <T> T inTenant(TestTenant tenant, String unit, Function<SqlConnection, Uni<T>> work) {
        return scope.inTransaction(new TenantContext(tenant.id(), unit, "system:test", java.util.Set.of()), work)
                .await().indefinitely();
    }

    @Test
    void shouldOpenAnOpportunityForAConvertedLeadAndPublishIt() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        UUID leadId = UUID.randomUUID();
        try (Events events = Events.ofLeads()) {
            UUID id = inTenant(tenant, null, tx -> opportunities.open(tx, new OpportunityFromLead(leadId, null,
                    " Velo Logistik - cargo bikes ", new BigDecimal("9000"), null, null, "owner-1", null,
                    tenant.unit("hamburg"))));

            get(hq, "/api/v1/opportunities/" + id).statusCode(200)
                    .body("leadId", equalTo(leadId.toString()))
                    .body("name", equalTo("Velo Logistik - cargo bikes"))
                    .body("unitId", equalTo(tenant.unit("hamburg")))
                    .body("stage", equalTo("qualification"))
                    .body("probability", equalTo(10))
                    .body("amount", money("9000.00"))
                    .body("currency", equalTo("EUR"))
                    .body("expectedCloseOn", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString()))
                    .body("ownerId", equalTo("owner-1"))
                    .body("contactId", nullValue());
            get(hq, "/api/v1/opportunities?leadId=" + leadId).statusCode(200).body("items", hasSize(1));
            get(hq, "/api/v1/opportunities/" + id + "/history").statusCode(200).body("items", hasSize(1));
            JsonNode opened = events.await(id.toString(), OpportunityEvents.OPPORTUNITY_OPENED);
            assertThat(opened.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(opened.get("data").get("leadId").asText()).isEqualTo(leadId.toString());
        }
    }

    @Test
    void shouldPlaceTheOpportunityInTheLeadsUnitWhenNoneIsGiven() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");
        String leadId = Api.createLead(hamburg, """
                {"firstName":"Jana","lastName":"Schulz","email":"jana@example.com","postalCode":"20095",
                 "channel":"website"}""");

        UUID id = inTenant(tenant, null, tx -> opportunities.open(tx, new OpportunityFromLead(UUID.fromString(leadId),
                null, "Jana's bike", null, "EUR", LocalDate.of(2026, 9, 30), null, null)));

        get(hamburg, "/api/v1/opportunities/" + id).statusCode(200).body("unitId", equalTo(tenant.unit("hamburg")))
                .body("amount", nullValue()).body("expectedCloseOn", equalTo("2026-09-30"));
        UUID inUnitScope = inTenant(tenant, tenant.unit("munich"), tx -> opportunities.open(tx,
                new OpportunityFromLead(UUID.randomUUID(), null, "Walk-in", null, null, null, null, null)));
        get(tenant.unitToken("munich", "agent"), "/api/v1/opportunities/" + inUnitScope).statusCode(200)
                .body("unitId", equalTo(tenant.unit("munich")));
    }

    @Test
    void shouldDropACampaignTheScopeCannotSeeRatherThanFailTheConversion() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String otherTenantsCampaign = crm.leads.support.SalesApi.create(TestTenant.create(DevStack.shared()).hqToken("admin"),
                "/api/v1/campaigns", "{\"name\":\"Theirs\",\"channel\":\"event\",\"startsOn\":\"2026-01-01\"}");

        UUID id = inTenant(tenant, null, tx -> opportunities.open(tx, new OpportunityFromLead(UUID.randomUUID(), null,
                "Deal", null, null, null, null, UUID.fromString(otherTenantsCampaign))));

        get(tenant.hqToken("agent"), "/api/v1/opportunities/" + id).statusCode(200).body("campaignId", nullValue());
    }

    @Test
    void shouldLinkTheContactThenExportAndAnonymiseWhatIsHeldAboutThePerson() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        UUID leadId = UUID.randomUUID();
        UUID contactId = UUID.randomUUID();
        UUID id = inTenant(tenant, null, tx -> opportunities.open(tx, new OpportunityFromLead(leadId, null,
                "Bike for Jana Schulz", new BigDecimal("2999"), "EUR", null, "owner-1", null)));

        inTenant(tenant, null, tx -> opportunities.linkContact(tx, leadId, contactId));
        inTenant(tenant, null, tx -> opportunities.linkContact(tx, leadId, UUID.randomUUID()));
        get(hq, "/api/v1/opportunities/" + id).statusCode(200).body("contactId", equalTo(contactId.toString()));
        post(hq, "/api/v1/opportunities/" + id + "/lose", "{\"reason\":\"Jana Schulz moved to Munich\"}").statusCode(200);

        JsonArray export = inTenant(tenant, null, tx -> opportunities.exportFor(tx, contactId));
        assertThat(export.size()).isEqualTo(1);
        JsonObject exported = export.getJsonObject(0);
        assertThat(exported.getString("id")).isEqualTo(id.toString());
        assertThat(exported.getString("name")).isEqualTo("Bike for Jana Schulz");
        assertThat(exported.getString("lostReason")).isEqualTo("Jana Schulz moved to Munich");
        assertThat(exported.getJsonArray("history").size()).isEqualTo(2);
        assertThat(inTenant(TestTenant.create(DevStack.shared()), null, tx -> opportunities.exportFor(tx, contactId)).size()).isZero();

        inTenant(tenant, null, tx -> opportunities.anonymise(tx, contactId));

        get(hq, "/api/v1/opportunities/" + id).statusCode(200)
                .body("name", equalTo("Anonymised opportunity"))
                .body("contactId", nullValue())
                .body("lostReason", equalTo("anonymised"))
                .body("amount", money("2999.00"));
        get(hq, "/api/v1/opportunities/" + id + "/history").statusCode(200).body("items[1].reason", equalTo("anonymised"));
        assertThat(inTenant(tenant, null, tx -> opportunities.exportFor(tx, contactId)).size()).isZero();
    }
}
