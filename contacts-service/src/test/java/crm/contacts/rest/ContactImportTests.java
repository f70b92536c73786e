package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.delete;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.importCsv;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactImportTests {

    @Test
    void shouldCreateUpdateAndReportBadRowsWithoutAbortingTheFile() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin", "manager");
        String byExternalId = create(token, "/api/v1/contacts", "{\"firstName\": \"Jana\", \"lastName\": \"Schulz\","
                + " \"externalId\": \"shop-1\", \"tags\": [\"vip\"], \"ownerId\": \"rep-1\"}");
        String byEmail = create(token, "/api/v1/contacts", "{\"firstName\": \"Ole\", \"lastName\": \"Hansen\","
                + " \"email\": \"ole@example.com\"}");
        String csv = """
                externalId;firstName;lastName;email;phone;postalCode;city;tags;lifecycleStage
                shop-1;Jana;Schulz-Meyer;jana@example.com;040 5550101;20095;Hamburg;newsletter;customer
                ;Ole;Hansen;OLE@example.com;;;;;
                shop-3;Mia;Wolf;mia@example.com;;80331;München;;
                shop-4;Max;Muster;not-an-email;;;;;
                shop-5;;Leer;;;;;;
                shop-6;Tim;Tel;;12;;;;
                ;"Anna; Maria";"O""Neill";anna@example.com;;;;;former_customer
                """;

        ExtractableResponse<Response> job = importCsv(token, csv).statusCode(201)
                .header("Location", containsString("/api/v1/contacts/imports/"))
                .body("status", equalTo("completed"))
                .body("rowsRead", equalTo(7))
                .body("created", equalTo(2))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("failed", equalTo(3))
                .body("errorsListed", equalTo(3))
                .extract();
        String jobId = job.path("id");

        get(token, "/api/v1/contacts/imports/" + jobId + "/errors").statusCode(200)
                .body("items.row", contains(5, 6, 7))
                .body("items.field", contains("email", "firstName", "phone"))
                .body("nextCursor", nullValue());
        get(token, "/api/v1/contacts/" + byExternalId).statusCode(200)
                .body("lastName", equalTo("Schulz-Meyer"))
                .body("email", equalTo("jana@example.com"))
                .body("phone", equalTo("+49405550101"))
                .body("addresses[0].city", equalTo("Hamburg"))
                .body("addresses[0].country", equalTo("DE"))
                .body("tags", contains("vip", "newsletter"))
                .body("ownerId", equalTo("rep-1"))
                .body("lifecycleStage", equalTo("customer"))
                .body("version", equalTo(2));
        get(token, "/api/v1/contacts/" + byEmail).statusCode(200).body("version", equalTo(1));
        get(token, "/api/v1/contacts?q=Neill").statusCode(200)
                .body("items[0].firstName", equalTo("Anna; Maria"))
                .body("items[0].lastName", equalTo("O\"Neill"))
                .body("items[0].lifecycleStage", equalTo("former_customer"));
        get(token, "/api/v1/contacts").statusCode(200).body("items", hasSize(4));
        get(token, "/api/v1/contacts/imports").statusCode(200).body("items.id", contains(jobId));
    }

    @Test
    void shouldPageTheErrorReport() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");
        StringBuilder csv = new StringBuilder("firstName,lastName,email\n");
        for (int i = 0; i < 5; i++) {
            csv.append("A,B,bad-").append(i).append('\n');
        }
        String jobId = importCsv(token, csv.toString()).statusCode(201).body("failed", equalTo(5)).extract().path("id");

        String cursor = given().auth().oauth2(token).queryParam("limit", 3)
                .when().get("/api/v1/contacts/imports/" + jobId + "/errors")
                .then().statusCode(200).body("items.row", contains(2, 3, 4)).extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 3).queryParam("cursor", cursor)
                .when().get("/api/v1/contacts/imports/" + jobId + "/errors")
                .then().statusCode(200).body("items.row", contains(5, 6)).body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("cursor", "bm9wZQ")
                .when().get("/api/v1/contacts/imports/" + jobId + "/errors").then().statusCode(400);
    }

    @Test
    void shouldImportAHundredThousandRowsWithExactCounts() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("integration");
        importCsv(token, "externalId,firstName,lastName\next-1,Vor,Handen\next-2,Schon,Da\next-3,Gleich,Bleibt\n")
                .statusCode(201).body("created", equalTo(3));
        StringBuilder csv = new StringBuilder("externalId,firstName,lastName,email,postalCode,tags\n");
        int bad = 0;
        for (int i = 1; i <= 100_000; i++) {
            if (i % 997 == 0) {
                csv.append("ext-").append(i).append(",Kaputt,Zeile,kein-at-zeichen,,\n");
                bad++;
            } else if (i == 3) {
                csv.append("ext-3,Gleich,Bleibt,,,\n");
            } else {
                csv.append("ext-").append(i).append(",Vorname").append(i).append(",Nachname").append(i)
                        .append(",person").append(i).append("@example.com,").append(10000 + i % 90000)
                        .append(",import|batch").append(i % 7).append('\n');
            }
        }
        assertThat(csv.length()).as("larger than any JSON body may be").isGreaterThan(1_000_000);

        long analyzedBefore = contactTableAnalyzeCount();

        JsonPath job = importCsv(token, csv.toString()).statusCode(201).extract().jsonPath();

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("rowsRead")).isEqualTo(100_000);
        assertThat(job.getLong("failed")).isEqualTo(bad);
        assertThat(job.getLong("updated")).isEqualTo(2);
        assertThat(job.getLong("unchanged")).isEqualTo(1);
        assertThat(job.getLong("created")).isEqualTo(100_000 - bad - 3);
        try (var db = crm.contacts.TestDatabase.superuser()) {
            assertThat(crm.contacts.TestDatabase.count(db, "select count(*) from contact where tenant_id = ?",
                    tenant.id())).isEqualTo(100_000 - bad);
            assertThat(crm.contacts.TestDatabase.count(db, "select count(*) from outbox_event where tenant_id = ?"
                    + " and type = 'crm.contact.created.v1'", tenant.id())).isEqualTo(100_000 - bad);
            assertThat(crm.contacts.TestDatabase.count(db, "select count(*) from contact_import_error e join"
                    + " contact_import i on i.id = e.import_id where i.id = ?", UUID.fromString(job.getString("id"))))
                    .isEqualTo(bad);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        get(token, "/api/v1/contacts?q=Nachname99999").statusCode(200).body("items[0].externalId", equalTo("ext-99999"));
        // The growing tenant's statistics were refreshed at 5,000, 10,000, 20,000, 40,000 and 80,000 rows
        // (other tests' imports may add more).
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(contactTableAnalyzeCount()).isGreaterThanOrEqualTo(analyzedBefore + 5));
    }

    private static long contactTableAnalyzeCount() {
        try (var db = crm.contacts.TestDatabase.superuser()) {
            return crm.contacts.TestDatabase.count(db, "select analyze_count from pg_stat_user_tables"
                    + " where relname = 'contact'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldReplayTheSameUploadUnderTheSameIdempotencyKey() {
        String token = TestTenant.create(DevStack.shared()).hqToken("integration");
        String key = UUID.randomUUID().toString();
        String csv = "externalId,firstName,lastName\nk-1,A,B\nk-2,C,D\n";

        String first = given().auth().oauth2(token).contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .when().post("/api/v1/contacts/imports").then().statusCode(201).body("created", equalTo(2))
                .extract().path("id");
        given().auth().oauth2(token).contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .when().post("/api/v1/contacts/imports").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first)).body("created", equalTo(2));
        given().auth().oauth2(token).contentType("text/csv").header("Idempotency-Key", key).body(csv + "k-3,E,F\n")
                .when().post("/api/v1/contacts/imports").then().statusCode(422).contentType("application/problem+json");
        get(token, "/api/v1/contacts").statusCode(200).body("items", hasSize(2));
        get(token, "/api/v1/contacts/imports").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRefuseFilesItCannotReadWithProblems() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("manager");

        importCsv(token, "").statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        importCsv(token, "firstName,lastName,shoeSize\nA,B,44\n").statusCode(400).body("errors[0].field", equalTo("header"));
        importCsv(token, "{\"firstName\": \"A\"}").statusCode(400).body("errors[0].field", equalTo("header"));
        importCsv(tenant.hqToken("agent"), "firstName,lastName\nA,B\n").statusCode(403);
        given().auth().oauth2(token).contentType("application/json").body("{}").when().post("/api/v1/contacts/imports")
                .then().statusCode(415).contentType("application/problem+json");
        get(token, "/api/v1/contacts/imports").statusCode(200).body("items", hasSize(0));
        get(token, "/api/v1/contacts/imports/" + UUID.randomUUID()).statusCode(404);
        delete(token, "/api/v1/contacts/imports/" + UUID.randomUUID(), null).statusCode(404);
    }

    @Test
    void shouldStopAtAMalformedRowKeepingTheRowsBefore() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");

        String jobId = importCsv(token, "firstName,lastName\nA,One\nB,Two\n\"C,Three\n").statusCode(201)
                .body("status", equalTo("failed"))
                .body("failureReason", containsString("is not valid CSV"))
                .body("created", equalTo(2))
                .extract().path("id");

        delete(token, "/api/v1/contacts/imports/" + jobId, null).statusCode(409);
        get(token, "/api/v1/contacts").statusCode(200).body("items", hasSize(2));
    }

    @Test
    void shouldKeepImportsInTheirTenantAndUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "manager");
        String csv = "firstName,lastName,unitId\nHein,Mück,\nSepp,Huber," + tenant.unit("munich") + "\n";

        String jobId = importCsv(hamburg, csv).statusCode(201).body("created", equalTo(1)).body("failed", equalTo(1))
                .body("unitId", equalTo(tenant.unit("hamburg"))).extract().path("id");

        get(hamburg, "/api/v1/contacts").statusCode(200).body("items.unitId", contains(tenant.unit("hamburg")));
        get(hamburg, "/api/v1/contacts/imports/" + jobId + "/errors").statusCode(200).body("items.field", contains("unitId"));
        for (String outsider : List.of(tenant.unitToken("munich", "manager"),
                TestTenant.create(DevStack.shared()).hqToken("admin"))) {
            get(outsider, "/api/v1/contacts/imports/" + jobId).statusCode(404);
            get(outsider, "/api/v1/contacts/imports/" + jobId + "/errors").statusCode(404);
            delete(outsider, "/api/v1/contacts/imports/" + jobId, null).statusCode(404);
            get(outsider, "/api/v1/contacts/imports").statusCode(200).body("items", hasSize(0));
        }
        get(tenant.hqToken("admin"), "/api/v1/contacts/imports/" + jobId).statusCode(200);
        importCsv(tenant.hqToken("admin"), "firstName,lastName,unitId\nSepp,Huber," + tenant.unit("munich") + "\n")
                .statusCode(201).body("created", equalTo(1));
        get(tenant.unitToken("munich", "agent"), "/api/v1/contacts").statusCode(200).body("items.lastName", contains("Huber"));
    }
}
