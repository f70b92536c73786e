package crm.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ApiProblemTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldNameTheFieldsOfAValidationProblemForTheFormFieldsTheyBelongTo() throws Exception {
        JsonNode body = JSON.readTree("""
                {"status": 400, "title": "Bad Request", "detail": "phones[0].number: must be a phone number",
                 "errors": [{"field": "phones[0].number", "message": "must be a phone number"},
                            {"field": "emails[1].address", "message": "must be an e-mail address"},
                            {"field": "lastName", "message": "must not be blank"}]}""");

        ApiProblem problem = ApiProblem.of(400, body);

        assertThat(problem.kind()).isEqualTo("invalid");
        assertThat(problem.fieldError("phone")).isEqualTo("must be a phone number");
        assertThat(problem.fieldError("email")).isEqualTo("must be an e-mail address");
        assertThat(problem.fieldError("lastName")).isEqualTo("must not be blank");
        assertThat(problem.fieldError("firstName")).isNull();
        assertThat(problem.general()).isFalse();
        assertThat(problem.detail()).contains("phone number");
    }

    @Test
    void shouldNeverPassOnWhatTheApiSaidAboutARecordItRefusedOrDoesNotShow() throws Exception {
        JsonNode body = JSON.readTree("""
                {"status": 404, "detail": "Contact 42 of unit veloce-munich", "errors": [{"field": "id", "message": "x"}]}""");

        for (int status : new int[] {403, 404}) {
            ApiProblem problem = ApiProblem.of(status, body);
            assertThat(problem.detail()).isNull();
            assertThat(problem.fieldErrors()).isEmpty();
        }
        assertThat(ApiProblem.of(404, body).kind()).isEqualTo("not-found");
        assertThat(ApiProblem.of(403, body).kind()).isEqualTo("forbidden");
    }

    @Test
    void shouldTellAConflictFromALostUpdateFromAnOutage() {
        assertThat(ApiProblem.of(409, null).kind()).isEqualTo("conflict");
        assertThat(ApiProblem.of(412, null).kind()).isEqualTo("stale");
        assertThat(ApiProblem.of(429, null).kind()).isEqualTo("busy");
        assertThat(ApiProblem.of(503, null).kind()).isEqualTo("unavailable");
        assertThat(ApiProblem.of(500, null).kind()).isEqualTo("unavailable");
        assertThat(ApiProblem.of(401, null).kind()).isEqualTo("signed-out");
    }
}
