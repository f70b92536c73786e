package crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import crm.e2e.ApiOperations.Operation;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation fed what a broken or hostile client sends: never a 5xx, always problem+json. */
class BadInputTests {

    private static final String INJECTION = "' OR '1'='1'; drop table contact; --";
    private static final Map<String, String> BODIES = Map.of(
            "malformed JSON", "{\"firstName\": ",
            "an array instead of an object", "[1, 2, 3]",
            "wrong types", "{\"firstName\": {\"nested\": true}, \"lastName\": 42, \"email\": [\"a\"]}",
            "oversized strings", "{\"firstName\": \"" + "x".repeat(100_000) + "\", \"lastName\": \"y\"}",
            "injection strings", "{\"firstName\": \"" + INJECTION + "\", \"lastName\": \"<script>alert(1)</script>\"}",
            "an empty body", "");

    private static List<Operation> operations;
    private static String token;
    private static final List<String> cases = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        operations = ApiOperations.all();
        token = Crm.newTenant().hqToken("admin", "manager", "agent");
    }

    /** How much the run covered, for the record (the operations come from the merged OpenAPI). */
    @AfterAll
    static void report() {
        if (operations != null) {
            System.out.printf("Bad input: %d cases over %d operations%n", cases.size(), operations.size());
        }
    }

    @Test
    void shouldAnswerBadBodiesWithProblemsNeverServerErrors() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.hasBody()) {
                continue;
            }
            BODIES.forEach((name, body) -> check(wrong, op, name,
                    r -> r.contentType(op.bodyType()).body(body.getBytes(StandardCharsets.UTF_8)),
                    op.pathWith("00000000-0000-0000-0000-000000000000")));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldAnswerBadQueryParametersWithProblemsNeverServerErrors() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            for (String parameter : op.queryParameters()) {
                for (String value : List.of("1000000", "-1", "not-a-cursor!", INJECTION, "9".repeat(400))) {
                    check(wrong, op, parameter + "=" + value, r -> r.queryParam(parameter, value),
                            op.pathWith("00000000-0000-0000-0000-000000000000"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldAnswerHostilePathParametersWithProblemsNeverServerErrors() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.hasPathParameters()) {
                continue;
            }
            for (String value : List.of("not-a-uuid", INJECTION, "%00", "x".repeat(2000))) {
                String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
                check(wrong, op, "path " + value.substring(0, Math.min(20, value.length())), r -> r.urlEncodingEnabled(false),
                        op.pathWith(encoded));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, Operation op, String what, UnaryOperator<RequestSpecification> input,
                              String path) {
        cases.add(op + " " + what);
        Response response = input.apply(Crm.gateway(token)).when().request(op.method().toUpperCase(), path)
                .then().extract().response();
        int status = response.statusCode();
        boolean problem = response.contentType() != null && response.contentType().startsWith("application/problem+json");
        if (status >= 500 || (status >= 400 && !problem)) {
            wrong.add(op + " with " + what + " answered " + status + " " + response.contentType());
        }
    }
}
