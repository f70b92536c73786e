package crm.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every event type this service publishes is documented in docs/events/analytics-service.asyncapi.yaml. */
class EventDocumentationTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "events", "analytics-service.asyncapi.yaml");

    @Test
    void shouldDocumentEveryPublishedEventType() throws Exception {
        String asyncApi = Files.readString(DOCUMENT);
        List<String> declared = new ArrayList<>();
        for (Field field : AnalyticsEvents.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String value = (String) field.get(null);
                if (value.matches("crm\\.[a-z.-]+\\.v\\d+")) {
                    declared.add(value);
                }
            }
        }

        assertThat(declared).containsExactly(AnalyticsEvents.ERASURE_APPLIED);
        for (String type : declared) {
            assertThat(asyncApi).as("%s documents %s", DOCUMENT, type).contains("name: " + type);
        }
        assertThat(asyncApi).contains("address: " + AnalyticsEvents.TOPIC);
    }

    @Test
    void shouldDocumentEveryFieldOfTheErasureConfirmation() throws Exception {
        String asyncApi = Files.readString(DOCUMENT);
        var event = AnalyticsEvents.erasureApplied("t-1", null, UUID.randomUUID(), UUID.randomUUID(),
                java.time.OffsetDateTime.now());

        assertThat(event.topic()).isEqualTo("crm.analytics");
        for (var component : AnalyticsEvents.ErasureApplied.class.getRecordComponents()) {
            assertThat(asyncApi).as("documents field %s", component.getName()).contains(component.getName() + ":");
        }
        assertThat(asyncApi).contains("const: " + AnalyticsEvents.SERVICE);
    }
}
