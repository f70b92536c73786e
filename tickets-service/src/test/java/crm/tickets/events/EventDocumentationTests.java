package crm.tickets.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event type this service publishes is documented in docs/events/tickets-service.asyncapi.yaml. */
class EventDocumentationTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "events", "tickets-service.asyncapi.yaml");

    static List<String> declaredTypes(Class<?> events) throws IllegalAccessException {
        List<String> declared = new ArrayList<>();
        for (Field field : events.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String value = (String) field.get(null);
                if (value.matches("crm\\.[a-z.-]+\\.v\\d+")) {
                    declared.add(value);
                }
            }
        }
        return declared;
    }

    @Test
    void shouldDocumentEveryPublishedEventType() throws Exception {
        String asyncApi = Files.readString(DOCUMENT);
        List<String> types = new ArrayList<>();
        for (Class<?> events : List.of(TicketEvents.class, PrivacyEvents.class)) {
            List<String> declared = declaredTypes(events);
            assertThat(declared).as("event types of %s", events.getSimpleName()).isNotEmpty();
            types.addAll(declared);
        }

        assertThat(types).hasSize(11);
        for (String type : types) {
            assertThat(asyncApi).as("%s documents %s", DOCUMENT, type).contains("name: " + type);
        }
        assertThat(asyncApi).contains("address: " + TicketEvents.TOPIC);
        assertThat(asyncApi).contains("address: crm.contacts").contains("tickets-service");
    }
}
