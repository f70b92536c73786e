package crm.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import crm.platform.events.CloudEvent;
import crm.platform.inbox.PollReceiver.Polled;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PollReceiverTests {

    @Test
    void shouldGroupAPollByTenantKeepingEachTenantsOrder() {
        List<Polled> poll = List.of(polled("a", "1"), polled("b", "2"), polled("a", "3"), polled("c", "4"),
                polled("b", "5"), polled("a", "6"));

        List<String> ids = PollReceiver.byTenant(poll).stream().map(p -> p.delivery().event().id()).toList();

        // Tenants in the order they first appear; within each, the order of the poll (one aggregate's
        // events must stay in order).
        assertThat(ids).containsExactly("1", "3", "6", "2", "5", "4");
    }

    private static Polled polled(String tenant, String id) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id, "test", "crm.ticket.opened.v1", "subject",
                null, null, tenant, null, null);
        return new Polled(new ConsumerRecord<>("crm.tickets", 0, Long.parseLong(id), "subject", "{}"),
                new Inbox.Delivery("test", event, (tx, e) -> Uni.createFrom().voidItem(), "ticket:" + id));
    }
}
