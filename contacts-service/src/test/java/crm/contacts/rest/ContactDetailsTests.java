package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactDetailsTests {

    private static final String FULL = """
            {"salutation": "Frau", "academicTitle": "Prof. Dr.", "firstName": "Jana", "lastName": "Schulz",
             "emails": [{"type": "private", "address": "jana@example.org"},
                        {"type": "work", "address": "Jana.Schulz@Example.com", "primary": true}],
             "phones": [{"type": "mobile", "number": "0170 1234567"}, {"type": "work", "number": "+49 (0)40 123456"}],
             "addresses": [{"street": "Mönckebergstraße 7", "postalCode": "20095", "city": "Hamburg", "country": "de"}],
             "lifecycleStage": "customer", "ownerId": "owner-1", "tags": [" VIP Kunde ", "vip-kunde", "E-Bike"],
             "source": "Messe Hamburg"}""";

    @Test
    void shouldStoreAllDetailsNormalised() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", FULL);

        get(token, "/api/v1/contacts/" + id).statusCode(200)
                .body("salutation", equalTo("Frau"))
                .body("academicTitle", equalTo("Prof. Dr."))
                .body("email", equalTo("jana.schulz@example.com"))
                .body("emails.address", contains("jana@example.org", "jana.schulz@example.com"))
                .body("emails.primary", contains(false, true))
                .body("phone", equalTo("+491701234567"))
                .body("phones.number", contains("+491701234567", "+4940123456"))
                .body("phones.type", contains("mobile", "work"))
                .body("addresses[0].country", equalTo("DE"))
                .body("lifecycleStage", equalTo("customer"))
                .body("ownerId", equalTo("owner-1"))
                .body("tags", contains("vip-kunde", "e-bike"))
                .body("source", equalTo("Messe Hamburg"));
    }

    @Test
    void shouldKeepTheShortBodiesOfDemoDataAndEndToEndTestsWorking() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts",
                "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\",\"email\":\"ole@example.com\",\"phone\":\"+49 40 5550102\"}");

        get(token, "/api/v1/contacts/" + id).statusCode(200)
                .body("lastName", equalTo("Hansen"))
                .body("email", equalTo("ole@example.com"))
                .body("emails", hasSize(1))
                .body("phone", equalTo("+49405550102"))
                .body("lifecycleStage", equalTo("prospect"))
                .body("salutation", nullValue());
    }

    @Test
    void shouldTakeTheDefaultPhoneCountryFromTheAddress() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", """
                {"firstName": "Anna", "lastName": "Gruber", "phones": [{"number": "01 5123456"}],
                 "addresses": [{"city": "Wien", "country": "AT"}]}""");

        get(token, "/api/v1/contacts/" + id).statusCode(200).body("phone", equalTo("+4315123456"));
    }

    @Test
    void shouldRefuseGarbagePhoneNamingTheField() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"phones\":[{\"number\":\"+49 40 123456\"},"
                + "{\"number\":\"call me maybe\"}]}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("phones[1].number"));
        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"phone\":\"12\"}")
                .statusCode(400).body("errors[0].field", equalTo("phone"));
    }

    @Test
    void shouldRefuseUnknownCountriesSalutationsAndTooManyTags() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String tags = IntStream.range(0, 21).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));

        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"addresses\":[{\"city\":\"X\",\"country\":\"XX\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("addresses[0].country"));
        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"salutation\":\"Sir\"}")
                .statusCode(400).body("errors[0].field", equalTo("salutation"));
        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"tags\":[" + tags + "]}")
                .statusCode(400).body("errors[0].field", equalTo("tags"));
        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"source\":\"" + "x".repeat(101) + "\"}")
                .statusCode(400).body("errors.field", hasItem("source"));
        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"emails\":[{\"address\":\"a@x.de\","
                + "\"primary\":true},{\"address\":\"b@x.de\",\"primary\":true}]}")
                .statusCode(400).body("errors[0].field", equalTo("emails"));
    }

    @Test
    void shouldRefuseCompanyOfAnotherTenant() {
        String foreignCompany = create(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/companies",
                "{\"name\":\"Fremd GmbH\"}");
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        post(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"B\",\"companyId\":\"" + foreignCompany + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("companyId"));
    }
}
