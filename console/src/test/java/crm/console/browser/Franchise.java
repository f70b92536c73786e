package crm.console.browser;

import static io.restassured.RestAssured.given;

import crm.devstack.CrmService;
import crm.devstack.DevStack;
import crm.devstack.KeycloakAdmin;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh franchise system for one test: its own tenant in the real Keycloak, units named after it, and
 * staff who sign in to the console with a password. Data is created through the gateway's API with the
 * staff's own tokens, as the console itself would.
 */
final class Franchise {

    static final String PASSWORD = "console-test-password";

    private final String tenant;
    private final KeycloakAdmin keycloak;

    private Franchise(String tenant, KeycloakAdmin keycloak) {
        this.tenant = tenant;
        this.keycloak = keycloak;
    }

    static Franchise create() {
        ConsoleStack.system();
        return new Franchise("t-" + UUID.randomUUID().toString().substring(0, 8), DevStack.shared().keycloakAdmin());
    }

    String tenant() {
        return tenant;
    }

    String unit(String name) {
        return tenant + "-" + name;
    }

    /** A member of staff of a unit ({@code unitName}) or of headquarters (null). */
    Staff staff(String firstName, String unitName, String... roles) {
        String username = (firstName + "-" + UUID.randomUUID().toString().substring(0, 6)).toLowerCase();
        keycloak.createUser(username, PASSWORD, tenant, unitName == null ? null : unit(unitName), List.of(roles));
        return new Staff(username, unitName == null ? null : unit(unitName), this);
    }

    /** Someone who can sign in, and call the API with a token of their own for test data. */
    record Staff(String username, String unit, Franchise franchise) {

        String token() {
            return franchise.keycloak.token(username, PASSWORD);
        }

        RequestSpecification api() {
            return given().baseUri(ConsoleStack.system().url(CrmService.GATEWAY)).auth().oauth2(token())
                    .contentType(ContentType.JSON);
        }

        /** A contact of this person's unit; returns its id. */
        String createContact(String firstName, String lastName) {
            Response created = api().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("firstName", firstName, "lastName", lastName,
                            "email", firstName.toLowerCase() + "." + lastName.toLowerCase() + "."
                                    + UUID.randomUUID().toString().substring(0, 6) + "@example.com"))
                    .post("/api/v1/contacts?force=true");
            created.then().statusCode(201);
            return created.jsonPath().getString("id");
        }
    }
}
