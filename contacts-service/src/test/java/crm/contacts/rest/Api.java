package crm.contacts.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Small request helpers the REST tests share: each call carries the caller's real Keycloak token. */
final class Api {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private Api() {
    }

    static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static String create(String token, String path, String body) {
        return post(token, path, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    static ValidatableResponse put(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    static ValidatableResponse patch(String token, String path, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch(path).then();
    }

    static String etag(String token, String path) {
        return get(token, path).statusCode(200).extract().header("ETag");
    }
}
