package crm.contacts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event type this service publishes is documented in docs/events/contacts-service.asyncapi.yaml. */
class EventDocumentationTests {

    /** The classes that declare published types; a new one is added here. */
    private static final List<Class<?>> PUBLISHERS = List.of(ContactEvents.class, CompanyEvents.class);

    @Test
    void shouldDocumentEveryPublishedEventType() throws Exception {
        String asyncApi = Files.readString(Path.of("..", "docs", "events", "contacts-service.asyncapi.yaml"));
        List<String> types = new ArrayList<>();
        for (Class<?> events : PUBLISHERS) {
            List<String> declared = new ArrayList<>();
            for (Field field : events.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    String value = (String) field.get(null);
                    if (value.matches("crm\\.[a-z.-]+\\.v\\d+")) {
                        declared.add(value);
                    }
                }
            }
            assertThat(declared).as("event types of %s", events.getSimpleName()).isNotEmpty();
            types.addAll(declared);
        }

        assertThat(types).contains(ContactEvents.CONTACT_MERGED);
        for (String type : types) {
            assertThat(asyncApi).as("docs/events/contacts-service.asyncapi.yaml documents %s", type).contains("name: " + type);
        }
        assertThat(asyncApi).contains("address: " + ContactEvents.TOPIC);
    }
}
