package crm.leads.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every event type leads-service publishes is documented in docs/events/leads-service.asyncapi.yaml. The
 * event classes are found in the events package, so lead, opportunity, product and campaign events are all
 * checked, whoever adds them.
 */
class EventDocumentationTests {

    private static final Path DOCUMENT = Path.of("..", "docs", "events", "leads-service.asyncapi.yaml");

    @Test
    void shouldDocumentEveryPublishedEventType() throws Exception {
        String asyncApi = Files.readString(DOCUMENT);
        List<String> types = new ArrayList<>();
        for (Class<?> events : eventClasses()) {
            types.addAll(declaredTypes(events));
        }

        assertThat(declaredTypes(LeadEvents.class)).contains(LeadEvents.LEAD_CAPTURED, LeadEvents.LEAD_CAPTURE_ATTACHED,
                LeadEvents.LEAD_SCORED, LeadEvents.LEAD_ASSIGNED, LeadEvents.LEAD_STATUS_CHANGED,
                LeadEvents.LEAD_SLA_BREACHED, LeadEvents.LEAD_CONVERTED, LeadEvents.ERASURE_APPLIED);
        for (String type : types) {
            assertThat(asyncApi).as("%s documents %s", DOCUMENT, type).contains("name: " + type);
        }
        assertThat(asyncApi).contains("address: " + LeadEvents.TOPIC);
    }

    /** The classes of crm.leads.events that declare event types (as compiled, so every engineer's count). */
    private static List<Class<?>> eventClasses() throws IOException, ReflectiveOperationException {
        Path compiled = Path.of(LeadEvents.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                "crm", "leads", "events");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(compiled)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("crm.leads.events." + name);
                if (!declaredTypes(type).isEmpty()) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    private static List<String> declaredTypes(Class<?> events) throws IllegalAccessException {
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
}
