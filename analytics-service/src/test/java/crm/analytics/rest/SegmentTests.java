package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static crm.analytics.support.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Segments and audiences over six contacts:
 *
 * <pre>
 *   contact  unit  stage     tags              bought       consent granted           reachable by
 *   S1       H     customer  vip, newsletter   BIKE 11-01   email, post (sms withdrawn)  email, phone, post
 *   S2       H     customer  newsletter        HELMET 11-02 email                     email
 *   S3       H     prospect  newsletter        -            email                     email ("=cmd" as name)
 *   S4       H     customer  vip               -            phone, email              phone only (no e-mail)
 *   S5       M     customer  vip, newsletter   BIKE 11-03   email                     email
 *   S6       H     customer  newsletter        -            email granted, then withdrawn (a late older
 *                                                            "granted" does not bring it back)
 * </pre>
 *
 * RFM (brand-wide, three customers): S1 R1 F1 M2 = lost, S2 R2 F1 M1 = hibernating, S5 R4 F1 M2 = new.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class SegmentTests {

    record People(DataSet data, String s1, String s2, String s3, String s4, String s5, String s6) {
    }

    static People publishPeople(TestTenant tenant) {
        DataSet data = new DataSet(tenant);
        String s1 = DataSet.id();
        String s2 = DataSet.id();
        String s3 = DataSet.id();
        String s4 = DataSet.id();
        String s5 = DataSet.id();
        String s6 = DataSet.id();
        data.contactCreated(s1, "hamburg", "Sina", "Eins", "sina@example.com", "+491701111111", "20095", "Hamburg",
                "customer", List.of("vip", "newsletter"), null);
        data.contactCreated(s2, "hamburg", "Sven", "Zwei", "sven@example.com", null, null, null, "customer",
                List.of("newsletter"), null);
        data.contactCreated(s3, "hamburg", "=cmd", "Drei", "drei@example.com", null, null, null, "prospect",
                List.of("newsletter"), null);
        data.contactCreated(s4, "hamburg", "Sara", "Vier", null, "+491704444444", null, null, "customer",
                List.of("vip"), null);
        data.contactCreated(s5, "munich", "Simon", "Fuenf", "simon@example.com", null, null, null, "customer",
                List.of("vip", "newsletter"), null);
        data.contactCreated(s6, "hamburg", "Selma", "Sechs", "selma@example.com", null, null, null, "customer",
                List.of("newsletter"), null);
        data.consent(s1, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(s1, "sms", "withdrawn", "2026-11-01T10:00:00Z");
        data.consent(s1, "post", "granted", "2026-11-01T10:00:00Z");
        data.consent(s2, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(s3, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(s4, "phone", "granted", "2026-11-01T10:00:00Z");
        data.consent(s4, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(s5, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(s6, "email", "granted", "2026-11-01T10:00:00Z");
        data.consent(s6, "email", "withdrawn", "2026-11-03T10:00:00Z");
        data.consent(s6, "email", "granted", "2026-11-02T10:00:00Z");
        data.purchase(DataSet.id(), s1, "hamburg", "2026-11-01T10:00:00Z", "EUR", "1000.00", "BIKE", 1, "1000.00");
        data.purchase(DataSet.id(), s2, "hamburg", "2026-11-02T10:00:00Z", "EUR", "50.00", "HELMET", 1, "50.00");
        data.purchase(DataSet.id(), s5, "munich", "2026-11-03T10:00:00Z", "EUR", "1000.00", "BIKE", 1, "1000.00");
        return new People(data, s1, s2, s3, s4, s5, s6);
    }

    static String create(String token, String body) {
        return post(token, "/api/v1/analytics/segments", body).statusCode(201).extract().path("id");
    }

    static List<String> csvLines(String token, String path) {
        String csv = given().auth().oauth2(token).when().get(path).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        return List.of(csv.split("\r\n"));
    }

    @Test
    void shouldSizeASegmentByStageTagsAndProductsBoughtOrNot() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        People p = publishPeople(tenant);
        p.data().awaitApplied(hq);

        String vipBikers = create(hq, """
                {"name": "VIP bikers without helmet", "lifecycleStages": ["customer"], "tags": ["VIP"],
                 "boughtSkus": ["BIKE"], "notBoughtSkus": ["HELMET"]}""");
        get(hq, "/api/v1/analytics/segments/" + vipBikers).statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("size", equalTo(2))
                .body("tags", equalTo(List.of("vip")));
        String newsletter = create(hq, "{\"name\": \"Newsletter\", \"tags\": [\"newsletter\"]}");
        get(hq, "/api/v1/analytics/segments/" + newsletter).statusCode(200).body("size", equalTo(5));
        String munich = create(hq, "{\"name\": \"Munich\", \"unitIds\": [\"" + tenant.unit("munich") + "\"]}");
        get(hq, "/api/v1/analytics/segments/" + munich).statusCode(200).body("size", equalTo(1));
        String byRfm = create(hq, "{\"name\": \"New or lost\", \"rfmSegments\": [\"new\", \"lost\"]}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(hq, "/api/v1/analytics/segments/" + byRfm).statusCode(200).body("size", equalTo(2)));
    }

    @Test
    void shouldExportOnlyPeopleWhoConsentedToTheChannel() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        People p = publishPeople(tenant);
        p.data().awaitApplied(hq);
        String newsletter = create(hq, "{\"name\": \"Newsletter\", \"tags\": [\"newsletter\"]}");

        List<String> email = csvLines(hq, "/api/v1/analytics/segments/" + newsletter + "/audience.csv?channel=email");
        assertThat(email.get(0)).isEqualTo("contactId,firstName,lastName,email");
        assertThat(email.subList(1, email.size())).containsExactlyElementsOf(Stream.of(
                        p.s1() + ",Sina,Eins,sina@example.com", p.s2() + ",Sven,Zwei,sven@example.com",
                        p.s3() + ",'=cmd,Drei,drei@example.com", p.s5() + ",Simon,Fuenf,simon@example.com")
                .sorted().toList());
        assertThat(csvLines(hq, "/api/v1/analytics/segments/" + newsletter + "/audience.csv?channel=sms"))
                .containsExactly("contactId,firstName,lastName,phone");
        assertThat(csvLines(hq, "/api/v1/analytics/segments/" + newsletter + "/audience.csv?channel=post"))
                .containsExactly("contactId,firstName,lastName,street,postalCode,city", p.s1() + ",Sina,Eins,,20095,Hamburg");

        String vip = create(hq, "{\"name\": \"VIP\", \"tags\": [\"vip\"]}");
        assertThat(csvLines(hq, "/api/v1/analytics/segments/" + vip + "/audience.csv?channel=phone"))
                .containsExactly("contactId,firstName,lastName,phone", p.s4() + ",Sara,Vier,+491704444444");
        get(hq, "/api/v1/analytics/segments/" + vip + "/audience.csv").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        get(hq, "/api/v1/analytics/segments/" + vip + "/audience.csv?channel=fax").statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        get(tenant.hqToken("agent"), "/api/v1/analytics/segments/" + vip + "/audience.csv?channel=email").statusCode(403);
    }

    @Test
    void shouldKeepAFranchiseesSegmentsToItsUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String hamburg = tenant.unitToken("hamburg", "manager");
        People p = publishPeople(tenant);
        p.data().awaitApplied(hq);

        String vip = create(hamburg, "{\"name\": \"Our VIPs\", \"tags\": [\"vip\"]}");
        get(hamburg, "/api/v1/analytics/segments/" + vip).statusCode(200)
                .body("unitId", equalTo(tenant.unit("hamburg")))
                .body("size", equalTo(2));
        get(tenant.unitToken("munich", "manager"), "/api/v1/analytics/segments/" + vip).statusCode(404)
                .contentType("application/problem+json");
        get(tenant.unitToken("munich", "manager"), "/api/v1/analytics/segments/" + vip + "/audience.csv?channel=email")
                .statusCode(404).contentType("application/problem+json");
        get(TestTenant.create(DevStack.shared()).hqToken("manager"), "/api/v1/analytics/segments/" + vip)
                .statusCode(404);
        get(hq, "/api/v1/analytics/segments/" + vip).statusCode(200);
        post(hamburg, "/api/v1/analytics/segments",
                "{\"name\": \"Theirs\", \"unitIds\": [\"" + tenant.unit("munich") + "\"]}").statusCode(403);
        String hqSegment = create(hq, "{\"name\": \"Brand-wide\"}");
        get(hamburg, "/api/v1/analytics/segments/" + hqSegment).statusCode(404);
        get(hamburg, "/api/v1/analytics/segments").statusCode(200)
                .body("items.id", equalTo(List.of(vip)));
    }

    @Test
    void shouldValidateSegmentsAndReplayARepeatedCreation() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");

        post(hq, "/api/v1/analytics/segments", "{\"name\": \" \"}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        post(hq, "/api/v1/analytics/segments", "{\"name\": \"x\", \"rfmSegments\": [\"gold\"]}").statusCode(400)
                .body("errors[0].field", equalTo("rfmSegments"));
        post(hq, "/api/v1/analytics/segments", "{\"name\": \"" + "x".repeat(101) + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("name"));
        post(hq, "/api/v1/analytics/segments", "{\"name\": \"x\", \"unitIds\": [\"Not A Unit\"]}").statusCode(400);
        post(hq, "/api/v1/analytics/segments", "{\"name\": ").statusCode(400).contentType("application/problem+json");
        post(tenant.hqToken("agent"), "/api/v1/analytics/segments", "{\"name\": \"x\"}").statusCode(403);

        String body = "{\"name\": \"Once\", \"tags\": [\"vip\"]}";
        String first = given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", "seg-1")
                .body(body).when().post("/api/v1/analytics/segments").then().statusCode(201)
                .header("Location", notNullValue()).extract().path("id");
        given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", "seg-1")
                .body(body).when().post("/api/v1/analytics/segments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", "seg-1")
                .body("{\"name\": \"Other\"}").when().post("/api/v1/analytics/segments").then().statusCode(422);
        get(hq, "/api/v1/analytics/segments").statusCode(200).body("items", hasSize(1));
        get(hq, "/api/v1/analytics/segments?updatedSince=yesterday").statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        get(hq, "/api/v1/analytics/segments?cursor=not-a-cursor!").statusCode(400);
        get(hq, "/api/v1/analytics/segments/" + first + "/audience.csv?channel=email").statusCode(200)
                .body(containsString("contactId,firstName,lastName,email"));
    }
}
