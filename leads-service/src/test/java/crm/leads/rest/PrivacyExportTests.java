package crm.leads.rest;

import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.KnownContacts;
import crm.leads.support.Events;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class PrivacyExportTests {

    @Test
    void shouldExportThePersonsLeadsWithTheirHistory() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.hqToken("agent");
        String admin = tenant.hqToken("admin");
        String contactId = Events.contactCreated(tenant.id(), null, "export.me@example.com", null);
        String id = KnownContacts.awaitRecognisedLead(agent, "export.me@example.com", contactId);
        post(agent, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"call\",\"note\":\"Wants a cargo bike\"}")
                .statusCode(201);

        get(admin, "/privacy/v1/subjects/" + contactId + "/export").statusCode(200)
                .body("service", equalTo("leads-service"))
                .body("subjectId", equalTo(contactId))
                .body("leads.lead.id", hasItem(id))
                .body("leads.find { it.lead.id == '" + id + "' }.activities.note", hasItem("Wants a cargo bike"))
                .body("opportunities", hasSize(0));
    }

    @Test
    void shouldExportNothingOfAnotherTenantAndOnlyToAdmins() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String contactId = Events.contactCreated(tenant.id(), null, "private@example.com", null);
        KnownContacts.awaitRecognisedLead(tenant.hqToken("agent"), "private@example.com", contactId);

        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/privacy/v1/subjects/" + contactId + "/export")
                .statusCode(200).body("leads", hasSize(0));
        get(tenant.hqToken("agent"), "/privacy/v1/subjects/" + contactId + "/export").statusCode(403);
        get(tenant.hqToken("admin"), "/privacy/v1/subjects/" + UUID.randomUUID() + "/export").statusCode(200)
                .body("leads", hasSize(0));
        get(tenant.hqToken("admin"), "/privacy/v1/subjects/not-a-uuid/export").statusCode(404)
                .contentType("application/problem+json");
    }
}
