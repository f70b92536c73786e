package crm.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the API refused or failed a request, as the console explains it: a {@link #kind()} the templates
 * turn into a sentence in the user's language, the service's own explanation where it helps the user
 * (never for 403 and 404, which must not reveal whether a record exists), and the fields it named.
 */
@TemplateData
public record ApiProblem(int status, String kind, String detail, List<FieldError> fieldErrors) {

    /** One field the API named in {@code errors[]}, with its message. */
    @TemplateData
    public record FieldError(String field, String message) {
    }

    public static ApiProblem of(int status, JsonNode body) {
        String kind = kindOf(status);
        boolean explainable = status == 400 || status == 409 || status == 412 || status == 422;
        String detail = explainable && body != null ? textOrNull(body.get("detail")) : null;
        List<FieldError> errors = new ArrayList<>();
        if (explainable && body != null && body.path("errors").isArray()) {
            for (JsonNode error : body.get("errors")) {
                String field = textOrNull(error.get("field"));
                if (field != null) {
                    errors.add(new FieldError(field, textOrNull(error.get("message"))));
                }
            }
        }
        return new ApiProblem(status, kind, detail, List.copyOf(errors));
    }

    /** A failure of the console's own making, e.g. a form value it could not read. */
    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "invalid", null, List.of(new FieldError(field, message)));
    }

    static String kindOf(int status) {
        if (status == 401) {
            return "signed-out";
        }
        if (status == 403) {
            return "forbidden";
        }
        if (status == 404 || status == 410) {
            return "not-found";
        }
        if (status == 409) {
            return "conflict";
        }
        if (status == 412 || status == 428) {
            return "stale";
        }
        if (status == 429) {
            return "busy";
        }
        if (status == 400 || status == 413 || status == 415 || status == 422) {
            return "invalid";
        }
        return "unavailable";
    }

    /**
     * The message for a form field: the API names fields as it knows them ({@code emails[0].address});
     * a form field matches its own name, anything below it, and the list its value stands for
     * ({@code email} matches {@code emails[0].address}).
     */
    public String fieldError(String formField) {
        for (FieldError error : fieldErrors) {
            if (error.field().equals(formField) || error.field().startsWith(formField + ".")
                    || error.field().startsWith(formField + "[") || error.field().startsWith(formField + "s[")) {
                return error.message() == null ? "" : error.message();
            }
        }
        return null;
    }

    /** Whether the API named no field, so the message belongs to the whole form or action. */
    public boolean general() {
        return fieldErrors.isEmpty();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
