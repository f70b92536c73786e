package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.contacts.domain.CustomField;
import crm.contacts.domain.CustomFieldType;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomFieldRulesTests {

    private static final Map<String, CustomField> DEFINITIONS = Map.of(
            "frame_size", field("frame_size", CustomFieldType.CHOICE, false, List.of("S", "M", "L")),
            "budget", field("budget", CustomFieldType.NUMBER, false, List.of()),
            "birthday", field("birthday", CustomFieldType.DATE, false, List.of()),
            "notes", field("notes", CustomFieldType.TEXT, false, List.of()),
            "customer_no", field("customer_no", CustomFieldType.TEXT, true, List.of()));

    private static CustomField field(String key, CustomFieldType type, boolean required, List<String> options) {
        return new CustomField(key, type, key, key, required, options, 1, null, null);
    }

    @Test
    void shouldBringEveryTypeIntoItsCanonicalForm() {
        Map<String, Object> values = CustomFieldRules.check(DEFINITIONS, Map.of("frame_size", " M ", "budget", "1.50",
                "birthday", "1990-02-03", "notes", "  likes gravel  ", "customer_no", "K-1"), Map.of(), true).orThrow();

        assertThat(values).containsEntry("frame_size", "M").containsEntry("budget", new BigDecimal("1.5"))
                .containsEntry("birthday", "1990-02-03").containsEntry("notes", "likes gravel");
        assertThat(CustomFieldType.NUMBER.canonical(2500, List.of())).isEqualTo(new BigDecimal("2500"));
        assertThat(CustomFieldType.NUMBER.canonical("1,25", List.of())).isEqualTo(new BigDecimal("1.25"));
        assertThat(CustomFieldType.NUMBER.canonical(0.1, List.of())).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void shouldNameEveryWrongValueAsCustomFieldsKey() {
        CustomFieldRules.Checked checked = CustomFieldRules.check(DEFINITIONS, Map.of("frame_size", "XXL",
                "budget", "lots", "birthday", "03.02.1990", "shoe_size", 44, "notes", "x".repeat(1001)), Map.of(), true);

        assertThat(checked.errors()).extracting(Problem.FieldError::field).containsExactly("customFields.birthday",
                "customFields.budget", "customFields.customer_no", "customFields.frame_size", "customFields.notes",
                "customFields.shoe_size");
        assertThat(checked.errors()).filteredOn(e -> e.field().endsWith("frame_size")).first()
                .extracting(Problem.FieldError::message).isEqualTo("must be one of S, M, L");
        assertThatThrownBy(checked::orThrow).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(422);
    }

    @Test
    void shouldRefuseNumbersBeyondFifteenDigitsAndNestedValues() {
        assertThat(CustomFieldRules.check(DEFINITIONS, Map.of("budget", "1234567890123456", "customer_no", "K"),
                Map.of(), true).errors()).extracting(Problem.FieldError::field).containsExactly("customFields.budget");
        assertThat(CustomFieldRules.check(DEFINITIONS, Map.of("notes", Map.of("a", 1), "customer_no", "K"),
                Map.of(), true).errors()).extracting(Problem.FieldError::field).containsExactly("customFields.notes");
    }

    @Test
    void shouldDemandRequiredFieldsOnlyWhenAskedTo() {
        assertThat(CustomFieldRules.check(DEFINITIONS, Map.of(), Map.of(), true).errors())
                .extracting(Problem.FieldError::field).containsExactly("customFields.customer_no");
        assertThat(CustomFieldRules.check(DEFINITIONS, Map.of(), Map.of(), false).valid()).isTrue();
    }

    @Test
    void shouldKeepAValueTheContactHadEvenIfTheDefinitionBecameStricter() {
        Map<String, Object> current = Map.of("frame_size", "XS", "customer_no", "K-1");
        Map<String, Object> unchanged = new HashMap<>(current);

        assertThat(CustomFieldRules.check(DEFINITIONS, unchanged, current, true).orThrow())
                .containsEntry("frame_size", "XS");
        unchanged.put("frame_size", "XXS");
        assertThat(CustomFieldRules.check(DEFINITIONS, unchanged, current, true).valid()).isFalse();
    }

    @Test
    void shouldTreatNullAsRemovingTheValue() {
        Map<String, Object> requested = new HashMap<>();
        requested.put("frame_size", null);
        requested.put("customer_no", "K-2");

        assertThat(CustomFieldRules.check(DEFINITIONS, requested, Map.of("frame_size", "M"), true).orThrow())
                .containsOnlyKeys("customer_no");
    }
}
