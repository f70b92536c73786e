package crm.leads.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

/**
 * Requests for the sales side's tests (opportunities, products, campaigns): like {@link Api}, but JSON
 * numbers with decimals are read as BigDecimal, so money is compared exactly, never as a float.
 */
public final class SalesApi {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private SalesApi() {
    }

    private static RequestSpecification as(String token) {
        return given().config(DECIMALS).auth().oauth2(token);
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return as(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse post(String token, String path, String ifMatch, String body) {
        var request = as(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post(path).then();
    }

    /** Creates and answers the new id (201 expected). */
    public static String create(String token, String path, String body) {
        return post(token, path, body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String token, String path) {
        return as(token).when().get(path).then();
    }

    public static ValidatableResponse put(String token, String path, String ifMatch, String body) {
        var request = as(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    public static ValidatableResponse patch(String token, String path, String ifMatch, String body) {
        var request = as(token).contentType(Api.MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch(path).then();
    }

    /** Matches a JSON number read as BigDecimal by value, whatever its scale. */
    public static Matcher<Object> money(String amount) {
        BigDecimal expected = new BigDecimal(amount);
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(expected) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number equal to ").appendValue(expected);
            }
        };
    }

    /** Adds a product to the tenant's catalogue (the token must be an HQ admin or manager); answers its id. */
    public static String product(String hqToken, String sku, String listPrice, String kind) {
        return create(hqToken, "/api/v1/products", """
                {"sku":"%s","name":"Item %s","category":"e-bikes","kind":"%s","listPrice":%s}"""
                .formatted(sku, sku, kind, listPrice));
    }
}
