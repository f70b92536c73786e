package crm.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.PollReceiver.Polled;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollReceiverTests {

    @Test
    void shouldGroupAPollByTenantKeepingEachTenantsOrder() {
        List<Polled> poll = List.of(polled("a", "1"), polled("b", "2"), polled("a", "3"), polled("c", "4"),
                polled("b", "5"), polled("a", "6"));

        List<List<String>> ids = PollReceiver.byTenant(poll).stream()
                .map(tenant -> tenant.stream().map(p -> p.delivery().event().id()).toList()).toList();

        // Tenants in the order they first appear; within each, the order of the poll (one aggregate's
        // events must stay in order).
        assertThat(ids).containsExactly(List.of("1", "3", "6"), List.of("2", "5"), List.of("4"));
    }

    @Test
    void shouldApplyOnlyTheFailingTenantsEventsOneByOne() {
        ConsumerRecords<String, String> poll = records(record("a", "1", 0), record("b", "2", 1),
                record("a", "3", 2), record("b", "4", 3), record("c", "5", 4));
        List<String> together = Collections.synchronizedList(new ArrayList<>());
        List<String> alone = Collections.synchronizedList(new ArrayList<>());
        PollReceiver.Applier applier = new PollReceiver.Applier() {
            @Override
            public Uni<Void> together(List<Polled> polled) {
                String ids = String.join(",", polled.stream().map(p -> p.delivery().event().id()).toList());
                if (polled.get(0).delivery().event().tenantid().equals("b")) {
                    return Uni.createFrom().failure(new IllegalStateException("tenant b's batch fails"));
                }
                together.add(ids);
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<Void> alone(Polled polled) {
                alone.add(polled.delivery().event().id());
                return Uni.createFrom().voidItem();
            }
        };

        new PollReceiver(inbox(), new DeadLetters(null))
                .receive(poll, topic -> new PollReceiver.Route("test", (tx, e) -> Uni.createFrom().voidItem(),
                        e -> "key"), applier)
                .await().atMost(Duration.ofSeconds(10));

        assertThat(together).containsExactlyInAnyOrder("1,3", "5");
        assertThat(alone).containsExactly("2", "4");
    }

    private static Polled polled(String tenant, String id) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id, "test", "crm.ticket.opened.v1", "subject",
                null, null, tenant, null, null);
        return new Polled(new ConsumerRecord<>("crm.tickets", 0, Long.parseLong(id), "subject", "{}"),
                new Inbox.Delivery("test", event, (tx, e) -> Uni.createFrom().voidItem(), "ticket:" + id));
    }

    private static ConsumerRecord<String, String> record(String tenant, String id, long offset) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"test\","
                + "\"type\":\"crm.ticket.opened.v1\",\"tenantid\":\"" + tenant + "\"}";
        return new ConsumerRecord<>("crm.tickets", 0, offset, "subject", json);
    }

    @SafeVarargs
    private static ConsumerRecords<String, String> records(ConsumerRecord<String, String>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition("crm.tickets", 0), List.of(records)));
    }

    /** An inbox for reading envelopes only; nothing here reaches a database. */
    private static Inbox inbox() {
        return new Inbox(null, new ObjectMapper().findAndRegisterModules());
    }
}
