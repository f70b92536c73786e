package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom fields, labels and the customer tier read from contact tags. */
class TicketFieldsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAcceptFlatScalarFields() throws Exception {
        var fields = CustomFields.validate(JSON.readTree(
                "{\"serialNumber\": \"VB-1\", \"frameSize\": 54, \"warranty\": true, \"parts\": [\"akku\", 2], \"note\": null}"));

        assertThat(fields.get("frameSize").asInt()).isEqualTo(54);
        assertThat(CustomFields.validate(null)).isEmpty();
    }

    @Test
    void shouldNameTheFieldOfAnInvalidValue() throws Exception {
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree("{\"owner\": {\"name\": \"x\"}}")))
                .isInstanceOfSatisfying(CustomFields.Invalid.class, e -> assertThat(e.field()).isEqualTo("customFields.owner"));
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree("{\"list\": [[1]]}")))
                .isInstanceOfSatisfying(CustomFields.Invalid.class, e -> assertThat(e.field()).isEqualTo("customFields.list"));
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree("{\"text\": \"" + "x".repeat(1001) + "\"}")))
                .isInstanceOfSatisfying(CustomFields.Invalid.class, e -> assertThat(e.field()).isEqualTo("customFields.text"));
    }

    @Test
    void shouldBoundShapeAndSize() throws Exception {
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree("[1, 2]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree("{\"bad key\": 1}"))).hasMessageContaining("field names");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": 1");
        }
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree(many + "}"))).hasMessageContaining("at most 50");
        StringBuilder large = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            large.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": \"").append("y".repeat(900)).append('"');
        }
        assertThatThrownBy(() -> CustomFields.validate(JSON.readTree(large + "}"))).hasMessageContaining("16384");
    }

    @Test
    void shouldReadTheTierFromContactTags() {
        assertThat(CustomerTier.fromTags(List.of("newsletter", "tier:gold"))).isEqualTo("gold");
        assertThat(CustomerTier.fromTags(List.of("Tier-Platinum"))).isEqualTo("platinum");
        assertThat(CustomerTier.fromTags(List.of("tier_silver", "tier:gold"))).isEqualTo("silver");
        assertThat(CustomerTier.fromTags(List.of("tiered", "frontier"))).isNull();
        assertThat(CustomerTier.fromTags(Arrays.asList("vip", null))).isNull();
        assertThat(CustomerTier.fromTags(null)).isNull();
    }

    @Test
    void shouldNormaliseLabels() {
        assertThat(Labels.normalise(" Akku Defekt ")).isEqualTo("akku-defekt");
        assertThat(Labels.normalise(List.of("E-Bike", "e-bike", "Garantie"), 5)).containsExactly("e-bike", "garantie");
        assertThatThrownBy(() -> Labels.normalise("-x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Labels.normaliseOptional("  ")).isNull();
    }
}
