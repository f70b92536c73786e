package crm.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.analytics.service.EventIngestion.Consumed;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollOrderTests {

    @Test
    void shouldGroupAPollByTenantKeepingEachTenantsOrder() {
        List<Consumed> poll = List.of(event("a", "1"), event("b", "2"), event("a", "3"), event("c", "4"),
                event("b", "5"), event("a", "6"));

        List<String> ids = EventIngestion.byTenant(poll).stream().map(c -> c.event().id()).toList();

        // Tenants in the order they first appear; within each, the order of the poll (one aggregate's
        // events must stay in order).
        assertThat(ids).containsExactly("1", "3", "6", "2", "5", "4");
    }

    private static Consumed event(String tenant, String id) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id, "test", "crm.ticket.opened.v1", "subject",
                null, null, tenant, null, null);
        return new Consumed("analytics.tickets", "crm.tickets", event, (tx, e) -> Uni.createFrom().voidItem(), "ticket:" + id);
    }
}
