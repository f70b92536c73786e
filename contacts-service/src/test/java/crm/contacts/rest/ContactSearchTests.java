package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactSearchTests {

    private static ValidatableResponse search(String token, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params).when().get("/api/v1/contacts").then();
    }

    /** The ids of every page of a search for {@code term}, two per page, following the cursors. */
    private static List<String> searchAllPagesOfTwo(String token, String term) {
        return allPages(token, Map.of("q", term, "limit", 2));
    }

    /** The ids of every page of a search with {@code params}, following the cursors. */
    private static List<String> allPages(String token, Map<String, ?> params) {
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/contacts").then().statusCode(200).extract();
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return paged;
    }

    @Test
    void shouldFindMuellerForMuellerWithUmlautAndForTheTypoMuller() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String mueller = create(token, "/api/v1/contacts", "{\"firstName\":\"Hans\",\"lastName\":\"Mueller\"}");
        create(token, "/api/v1/contacts", "{\"firstName\":\"Sabine\",\"lastName\":\"Schmidt\"}");
        create(token, "/api/v1/contacts", "{\"firstName\":\"Max\",\"lastName\":\"Mustermann\"}");

        search(token, Map.of("q", "Müller")).statusCode(200).body("items[0].id", equalTo(mueller))
                .body("items.lastName", not(hasItem("Schmidt")));
        search(token, Map.of("q", "Muller")).statusCode(200).body("items[0].id", equalTo(mueller))
                .body("items.lastName", not(hasItem("Schmidt")));
        search(token, Map.of("q", "hans mueler")).statusCode(200).body("items[0].id", equalTo(mueller));
    }

    @Test
    void shouldFindContactsByEmailPhoneCityAndCompanyName() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String company = create(token, "/api/v1/companies", "{\"name\":\"Fahrradwerk Nord GmbH\"}");
        String jana = create(token, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\","
                + "\"email\":\"jana.schulz@example.com\",\"phone\":\"+49 40 5550101\","
                + "\"addresses\":[{\"city\":\"Lüneburg\",\"country\":\"DE\"}]}");
        String ole = create(token, "/api/v1/contacts", "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\",\"companyId\":\"" + company + "\"}");

        search(token, Map.of("q", "jana.schulz@example")).statusCode(200).body("items.id", contains(jana));
        search(token, Map.of("q", "040 5550101")).statusCode(200).body("items.id", contains(jana));
        search(token, Map.of("q", "5550101")).statusCode(200).body("items.id", contains(jana));
        search(token, Map.of("q", "Lueneburg")).statusCode(200).body("items.id", contains(jana));
        search(token, Map.of("q", "Fahrradwerk")).statusCode(200).body("items.id", contains(ole));
    }

    @Test
    void shouldNeverFindAnotherTenantsOrUnitsContacts() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        create(tenant.unitToken("munich", "agent"), "/api/v1/contacts", "{\"firstName\":\"Sepp\",\"lastName\":\"Huberbauer\"}");

        search(tenant.unitToken("hamburg", "agent"), Map.of("q", "Huberbauer")).statusCode(200).body("items", hasSize(0));
        search(TestTenant.create(DevStack.shared()).hqToken("agent"), Map.of("q", "Huberbauer")).statusCode(200)
                .body("items", hasSize(0));
        search(tenant.hqToken("agent"), Map.of("q", "Huberbauer")).statusCode(200).body("items", hasSize(1));
        search(tenant.hqToken("agent"), Map.of("unitId", tenant.unit("munich"))).statusCode(200).body("items", hasSize(1));
        search(tenant.hqToken("agent"), Map.of("unitId", tenant.unit("hamburg"))).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldFilterByStageTagOwnerAndCreationTime() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String customer = create(token, "/api/v1/contacts", "{\"firstName\":\"A\",\"lastName\":\"Kunde\","
                + "\"lifecycleStage\":\"customer\",\"tags\":[\"VIP\",\"e-bike\"],\"ownerId\":\"rep-1\"}");
        String prospect = create(token, "/api/v1/contacts", "{\"firstName\":\"B\",\"lastName\":\"Interessent\",\"tags\":[\"e-bike\"]}");

        search(token, Map.of("stage", "customer")).statusCode(200).body("items.id", contains(customer));
        search(token, Map.of("tag", "vip")).statusCode(200).body("items.id", contains(customer));
        given().auth().oauth2(token).queryParam("tag", "E-Bike").when().get("/api/v1/contacts")
                .then().statusCode(200).body("items.id", containsInAnyOrder(customer, prospect));
        search(token, Map.of("ownerId", "rep-1")).statusCode(200).body("items.id", contains(customer));
        search(token, Map.of("createdFrom", "2000-01-01T00:00:00Z", "createdTo", "2000-01-02T00:00:00Z"))
                .statusCode(200).body("items", hasSize(0));
        search(token, Map.of("createdFrom", "2000-01-01T00:00:00Z")).statusCode(200).body("items", hasSize(2));
        search(token, Map.of("stage", "lead")).statusCode(400).body("errors[0].field", equalTo("stage"));
        search(token, Map.of("createdTo", "tomorrow")).statusCode(400).body("errors[0].field", equalTo("createdTo"));
    }

    @Test
    void shouldPageStablyInEverySortAndRefuseCursorsOfAnotherSort() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        List<String> names = List.of("Zander", "Adler", "Müller", "Becker", "Mueller", "Meyer", "Otto");
        for (String name : names) {
            create(token, "/api/v1/contacts", "{\"firstName\":\"X\",\"lastName\":\"" + name + "\"}");
        }

        for (String sort : List.of("name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt")) {
            List<String> all = search(token, Map.of("sort", sort, "limit", 200)).statusCode(200).extract().path("items.id");
            List<String> paged = allPages(token, Map.of("sort", sort, "limit", 3));
            assertThat(paged).as("sort %s", sort).hasSize(names.size()).containsExactlyElementsOf(all);
        }
        List<String> byName = search(token, Map.of("sort", "name")).extract().path("items.lastName");
        // Müller sorts as Mueller (DIN 5007-2, as in phone books); between the two, the id decides.
        assertThat(byName.subList(0, 3)).containsExactly("Adler", "Becker", "Meyer");
        assertThat(byName.subList(3, 5)).containsExactlyInAnyOrder("Mueller", "Müller");
        assertThat(byName.subList(5, 7)).containsExactly("Otto", "Zander");

        String nameCursor = search(token, Map.of("sort", "name", "limit", 2)).extract().path("nextCursor");
        search(token, Map.of("sort", "-createdAt", "cursor", nameCursor)).statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        search(token, Map.of("sort", "shoeSize")).statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shouldListOnlyContactsChangedSinceTheGivenInstantOldestChangeFirst() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String first = create(token, "/api/v1/contacts", "{\"firstName\":\"Erst\",\"lastName\":\"Angelegt\"}");
        String second = create(token, "/api/v1/contacts", "{\"firstName\":\"Dann\",\"lastName\":\"Angelegt\"}");
        String changedAt = given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body("{\"tags\":[\"geaendert\"]}").when().patch("/api/v1/contacts/" + first)
                .then().statusCode(200).extract().path("updatedAt");

        search(token, Map.of("updatedSince", changedAt)).statusCode(200).body("items.id", contains(first));
        search(token, Map.of()).statusCode(200).body("items.id", contains(second, first));
    }

    @Test
    void shouldPageSearchResultsByRelevance() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        for (String first : List.of("Anna", "Berta", "Carla", "Dora", "Emma")) {
            create(token, "/api/v1/contacts", "{\"firstName\":\"" + first + "\",\"lastName\":\"Mueller\"}");
        }

        List<String> paged = searchAllPagesOfTwo(token, "Müller");

        assertThat(paged).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void shouldPageThroughEveryLiteralMatchBeforeTheMerelySimilarOnes() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        List<String> literal = new ArrayList<>();
        for (String first : List.of("Anna", "Berta", "Carla", "Dora", "Emma")) {
            literal.add(create(token, "/api/v1/contacts", "{\"firstName\":\"" + first + "\",\"lastName\":\"Quenzelmann\"}"));
        }
        List<String> similar = new ArrayList<>();
        for (String first : List.of("Frida", "Gesa", "Hilde")) {
            similar.add(create(token, "/api/v1/contacts", "{\"firstName\":\"" + first + "\",\"lastName\":\"Quenzelman\"}"));
        }

        List<String> paged = searchAllPagesOfTwo(token, "Quenzelmann");

        assertThat(paged).hasSize(8).doesNotHaveDuplicates();
        assertThat(paged.subList(0, 5)).containsExactlyInAnyOrderElementsOf(literal);
        assertThat(paged.subList(5, 8)).containsExactlyInAnyOrderElementsOf(similar);
    }

    @Test
    void shouldRefuseSearchTextShorterThanTwoCharacters() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        search(token, Map.of("q", "M")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        search(token, Map.of("q", " ")).statusCode(400).body("errors[0].field", equalTo("q"));
        search(token, Map.of("q", "Mü")).statusCode(200);
    }
}
