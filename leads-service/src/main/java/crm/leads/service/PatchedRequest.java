package crm.leads.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.platform.patch.MergePatch;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a JSON merge patch to the current state in its request shape and validates the result as if
 * it had been sent whole, so a PATCH follows the same rules as a creation. Errors name the body's fields.
 */
@ApplicationScoped
public class PatchedRequest {

    private final ObjectMapper mapper;
    private final Validator validator;

    public PatchedRequest(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        ObjectNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
        T request;
        try {
            request = mapper.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ProblemException.badRequest(field.isEmpty() ? "body" : field, "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "is not a valid merge patch");
        }
        validate(request);
        return request;
    }

    /** Bean validation of a value that did not arrive as a validated parameter; 400 naming each field. */
    public <T> void validate(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            throw new ProblemException(400, "Bad Request", errors.stream().map(f -> f.field() + " " + f.message())
                    .collect(Collectors.joining("; ")), errors);
        }
    }
}
