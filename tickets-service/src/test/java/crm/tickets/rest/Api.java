package crm.tickets.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Small request helpers the REST tests share: each call carries the caller's real Keycloak token. */
public final class Api {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Api() {
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse post(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post(path).then();
    }

    public static String create(String token, String path, String body) {
        return post(token, path, body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    public static ValidatableResponse put(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    public static ValidatableResponse patch(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch(path).then();
    }

    public static String etag(String token, String path) {
        return get(token, path).statusCode(200).extract().header("ETag");
    }

    /** A ticket with just what is required, plus {@code extra} JSON members (e.g. {@code "priority":"high"}). */
    public static String openTicket(String token, String subject, String extra) {
        return create(token, "/api/v1/tickets", "{\"subject\":\"" + subject + "\",\"channel\":\"email\""
                + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}");
    }

    /** A queue created by an HQ admin; answers its id. */
    public static String createQueue(String adminToken, String name, String strategy, String membersJson) {
        return create(adminToken, "/api/v1/queues", "{\"name\":\"" + name + "\",\"strategy\":\"" + strategy
                + "\",\"members\":" + membersJson + "}");
    }

    /** Replaces the tenant's routing rules (If-Match * : tests own their tenant). */
    public static void routingRules(String adminToken, String rulesJson) {
        put(adminToken, "/api/v1/queues/routing-rules", "*", "{\"rules\":" + rulesJson + "}").statusCode(200);
    }
}
