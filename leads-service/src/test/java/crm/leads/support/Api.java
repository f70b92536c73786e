package crm.leads.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small request helpers the REST tests share: each call carries the caller's real Keycloak token. */
public final class Api {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Api() {
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse put(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    public static ValidatableResponse patch(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch(path).then();
    }

    /** Captures a lead and answers its id (201 expected). */
    public static String createLead(String token, String body) {
        return post(token, "/api/v1/leads", body).statusCode(201).extract().path("id");
    }

    /** The token's subject: the user id that appears as a lead's owner. */
    public static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int start = payload.indexOf("\"sub\":\"") + 7;
        return payload.substring(start, payload.indexOf('"', start));
    }
}
