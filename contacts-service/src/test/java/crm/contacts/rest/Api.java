package crm.contacts.rest;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
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

    static ValidatableResponse delete(String token, String path, String ifMatch) {
        var request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().delete(path).then();
    }

    /**
     * A CSV body sent to the import, as a shop or a person with a spreadsheet would. The answer comes when
     * the whole file is written, which for a large file on a busy machine takes longer than the usual
     * test timeout, hence a patient client.
     */
    static ValidatableResponse importCsv(String token, String csv) {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 900_000)))
                .auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/contacts/imports").then();
    }

    static String etag(String token, String path) {
        return get(token, path).statusCode(200).extract().header("ETag");
    }
}
