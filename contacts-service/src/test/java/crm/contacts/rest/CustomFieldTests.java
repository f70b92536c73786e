package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.delete;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.patch;
import static crm.contacts.rest.Api.post;
import static crm.contacts.rest.Api.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class CustomFieldTests {

    static final String FRAME_SIZE = """
            {"key": "frame_size", "type": "choice", "label": {"de": "Rahmengröße", "en": "Frame size"},
             "options": ["S", "M", "L"]}""";
    static final String BUDGET = """
            {"key": "budget", "type": "number", "label": {"de": "Budget", "en": "Budget"}}""";

    @Test
    void shouldLetBrandWideAdminsDefineFieldsThatEveryoneOfTheTenantReads() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");

        post(admin, "/api/v1/contacts/fields", FRAME_SIZE).statusCode(201).header("ETag", "\"1\"")
                .body("label.de", equalTo("Rahmengröße")).body("options", contains("S", "M", "L"));
        post(admin, "/api/v1/contacts/fields", BUDGET).statusCode(201);

        get(tenant.unitToken("hamburg", "agent"), "/api/v1/contacts/fields").statusCode(200)
                .body("items.key", contains("frame_size", "budget"));
        get(tenant.hqToken("agent"), "/api/v1/contacts/fields/budget").statusCode(200).body("type", equalTo("number"));
        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/api/v1/contacts/fields").statusCode(200)
                .body("items", hasSize(0));
        get(TestTenant.create(DevStack.shared()).hqToken("admin"), "/api/v1/contacts/fields/budget").statusCode(404);
    }

    @Test
    void shouldRefuseDefinitionsFromAgentsFranchiseeAdminsAndBadBodies() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");

        post(tenant.hqToken("agent", "manager"), "/api/v1/contacts/fields", FRAME_SIZE).statusCode(403);
        post(tenant.unitToken("hamburg", "admin"), "/api/v1/contacts/fields", FRAME_SIZE).statusCode(403)
                .contentType("application/problem+json");
        post(admin, "/api/v1/contacts/fields", "{\"key\": \"Frame Size\", \"type\": \"text\","
                + " \"label\": {\"de\": \"a\", \"en\": \"b\"}}").statusCode(400).body("errors[0].field", equalTo("key"));
        post(admin, "/api/v1/contacts/fields", "{\"key\": \"size\", \"type\": \"colour\","
                + " \"label\": {\"de\": \"a\", \"en\": \"b\"}}").statusCode(400).body("errors[0].field", equalTo("type"));
        post(admin, "/api/v1/contacts/fields", "{\"key\": \"size\", \"type\": \"choice\","
                + " \"label\": {\"de\": \"a\", \"en\": \"b\"}}").statusCode(400).body("errors[0].field", equalTo("options"));
        post(admin, "/api/v1/contacts/fields", "{\"key\": \"size\", \"type\": \"text\", \"options\": [\"a\"],"
                + " \"label\": {\"de\": \"a\", \"en\": \"b\"}}").statusCode(400).body("errors[0].field", equalTo("options"));
        post(admin, "/api/v1/contacts/fields", "{\"key\": \"size\", \"type\": \"text\", \"label\": {\"de\": \"a\"}}")
                .statusCode(400).body("errors[0].field", equalTo("label.en"));
        post(admin, "/api/v1/contacts/fields", FRAME_SIZE).statusCode(201);
        post(admin, "/api/v1/contacts/fields", FRAME_SIZE).statusCode(409);
    }

    @Test
    void shouldCheckContactValuesAgainstTheDefinitionsWith422NamingTheField() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        post(admin, "/api/v1/contacts/fields", FRAME_SIZE).statusCode(201);
        post(admin, "/api/v1/contacts/fields", BUDGET).statusCode(201);

        post(agent, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"B\","
                + " \"customFields\": {\"frame_size\": \"XXL\", \"budget\": \"viel\", \"colour\": \"red\"}}")
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("customFields.budget", "customFields.colour", "customFields.frame_size"));
        String id = create(agent, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"B\","
                + " \"customFields\": {\"frame_size\": \"M\", \"budget\": 2500.50}}");
        get(agent, "/api/v1/contacts/" + id).statusCode(200)
                .body("customFields.frame_size", equalTo("M")).body("customFields.budget", equalTo(2500.5f));

        patch(agent, "/api/v1/contacts/" + id, null, "{\"customFields\": {\"budget\": null}}").statusCode(200)
                .body("customFields", not(hasKey("budget"))).body("customFields.frame_size", equalTo("M"));
        patch(agent, "/api/v1/contacts/" + id, null, "{\"customFields\": {\"frame_size\": \"XL\"}}").statusCode(422)
                .body("errors[0].field", equalTo("customFields.frame_size"));
    }

    @Test
    void shouldDemandRequiredFieldsAndKeepValuesOfRemovedOptionsUntilChanged() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        post(admin, "/api/v1/contacts/fields", FRAME_SIZE).statusCode(201);
        String id = create(agent, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"B\","
                + " \"customFields\": {\"frame_size\": \"S\"}}");

        put(admin, "/api/v1/contacts/fields/frame_size", "\"1\"", "{\"label\": {\"de\": \"Rahmen\", \"en\": \"Frame\"},"
                + " \"required\": true, \"options\": [\"M\", \"L\"]}").statusCode(200).header("ETag", "\"2\"");
        put(admin, "/api/v1/contacts/fields/frame_size", "\"1\"", "{\"label\": {\"de\": \"x\", \"en\": \"y\"}}")
                .statusCode(412);
        put(admin, "/api/v1/contacts/fields/frame_size", null, "{\"type\": \"text\", \"label\": {\"de\": \"x\","
                + " \"en\": \"y\"}, \"required\": true, \"options\": []}").statusCode(400).body("errors[0].field", equalTo("type"));

        patch(agent, "/api/v1/contacts/" + id, null, "{\"lastName\": \"C\"}").statusCode(200)
                .body("customFields.frame_size", equalTo("S"));
        post(agent, "/api/v1/contacts", "{\"firstName\": \"D\", \"lastName\": \"E\"}").statusCode(422)
                .body("errors[0].field", equalTo("customFields.frame_size"));
    }

    @Test
    void shouldFindContactsByCustomFieldAndDropValuesOfADeletedField() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        post(admin, "/api/v1/contacts/fields", FRAME_SIZE).statusCode(201);
        post(admin, "/api/v1/contacts/fields", BUDGET).statusCode(201);
        String medium = create(agent, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"M\","
                + " \"customFields\": {\"frame_size\": \"M\", \"budget\": 1500}}");
        create(agent, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"L\", \"customFields\": {\"frame_size\": \"L\"}}");

        get(agent, "/api/v1/contacts?cf.frame_size=M").statusCode(200).body("items.id", contains(medium));
        get(agent, "/api/v1/contacts?cf.budget=1500.00&cf.frame_size=M").statusCode(200).body("items.id", contains(medium));
        get(agent, "/api/v1/contacts?cf.budget=1501").statusCode(200).body("items", hasSize(0));
        get(agent, "/api/v1/contacts?cf.budget=much").statusCode(400).body("errors[0].field", equalTo("cf.budget"));
        get(agent, "/api/v1/contacts?cf.colour=red").statusCode(400).body("errors[0].field", equalTo("cf.colour"));

        delete(admin, "/api/v1/contacts/fields/budget", "\"9\"").statusCode(412);
        delete(admin, "/api/v1/contacts/fields/budget", "\"1\"").statusCode(204);
        get(agent, "/api/v1/contacts/" + medium).statusCode(200).body("customFields", not(hasKey("budget")));
        get(admin, "/api/v1/contacts/fields").statusCode(200).body("items.key", not(hasItem("budget")));
        delete(admin, "/api/v1/contacts/fields/budget", null).statusCode(404);
        delete(tenant.unitToken("hamburg", "admin"), "/api/v1/contacts/fields/frame_size", null).statusCode(403);
    }
}
