package crm.contacts.service;

import crm.contacts.domain.CustomField;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a contact's custom field values against the tenant's definitions and brings them into their
 * canonical form. A value is checked when it is set or changed; a value the contact already had stays
 * valid even if the definition has since become stricter (e.g. a choice option was removed), so an
 * unrelated change of the contact does not fail on it. A required field must have a value.
 */
public final class CustomFieldRules {

    /** Where the values live in the API; errors name {@code customFields.<key>}. */
    public static final String FIELD = "customFields";

    private CustomFieldRules() {
    }

    /** The outcome of a check: canonical values, or what is wrong, field by field. */
    public record Checked(Map<String, Object> values, List<Problem.FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }

        /** The values, or 422 naming every wrong field. */
        public Map<String, Object> orThrow() {
            if (valid()) {
                return values;
            }
            String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(422, "Unprocessable Content", detail, errors);
        }
    }

    /**
     * @param definitions     the tenant's definitions by key
     * @param requested       the values sent (null values and a null map mean "none")
     * @param current         the contact's values before the change (empty for a new contact)
     * @param enforceRequired whether missing required fields are errors (not for system-made contacts)
     */
    public static Checked check(Map<String, CustomField> definitions, Map<String, ?> requested,
                                Map<String, Object> current, boolean enforceRequired) {
        Map<String, Object> values = new TreeMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (requested != null) {
            requested.forEach((key, raw) -> {
                if (raw == null) {
                    return;
                }
                Object unchanged = current.get(key);
                if (unchanged != null && Objects.equals(plain(unchanged), plain(raw))) {
                    values.put(key, unchanged);
                    return;
                }
                CustomField definition = definitions.get(key);
                if (definition == null) {
                    errors.add(new Problem.FieldError(FIELD + "." + key, "is not a custom field of your tenant"));
                    return;
                }
                try {
                    values.put(key, definition.canonical(raw));
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(FIELD + "." + key, e.getMessage()));
                }
            });
        }
        if (enforceRequired) {
            definitions.values().stream()
                    .filter(d -> d.required() && !values.containsKey(d.key())
                            && errors.stream().noneMatch(e -> e.field().equals(FIELD + "." + d.key())))
                    .forEach(d -> errors.add(new Problem.FieldError(FIELD + "." + d.key(), "is required")));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return new Checked(values, List.copyOf(errors));
    }

    /** A number as written in plain decimal notation, anything else as its text. */
    private static String plain(Object raw) {
        if (raw instanceof Number n) {
            try {
                return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return n.toString();
            }
        }
        return String.valueOf(raw);
    }
}
