package crm.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox.Delivery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxStagesTests {

    @Test
    void shouldChainEachKeysDeliveriesInOrderWithinOneStage() {
        List<Delivery> batch = List.of(keyed("1", "lead:a"), keyed("2", "lead:b"), keyed("3", "lead:a"),
                keyed("4", "ticket:x"), keyed("5", "lead:b"));

        assertThat(ids(Inbox.stages(batch))).containsExactly(List.of(List.of("1", "3"), List.of("2", "5"), List.of("4")));
    }

    @Test
    void shouldApplyADeliveryWithoutKeyAloneBetweenWhatCameBeforeAndAfterIt() {
        List<Delivery> batch = List.of(keyed("1", "lead:a"), keyed("2", "lead:b"), keyed("3", null),
                keyed("4", "lead:a"), keyed("5", null), keyed("6", null));

        assertThat(ids(Inbox.stages(batch))).containsExactly(
                List.of(List.of("1"), List.of("2")), List.of(List.of("3")), List.of(List.of("4")),
                List.of(List.of("5")), List.of(List.of("6")));
    }

    @Test
    void shouldRefuseToApplyDeliveriesOfSeveralTenantsTogether() {
        Inbox inbox = new Inbox(null, null);
        List<Delivery> batch = List.of(keyed("1", "lead:a"), of("2", "other", "lead:b"));

        assertThatThrownBy(() -> inbox.receiveTogether(batch, (tx, applied) -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one tenant");
    }

    @Test
    void shouldHaveNoStagesForNothingToApply() {
        assertThat(Inbox.stages(List.of())).isEmpty();
    }

    private static Delivery keyed(String id, String orderKey) {
        return of(id, "t", orderKey);
    }

    private static Delivery of(String id, String tenant, String orderKey) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id, "test", "crm.test.v1", null, null, null, tenant,
                null, null);
        return new Delivery("test", event, (tx, e) -> Uni.createFrom().voidItem(), orderKey);
    }

    private static List<List<List<String>>> ids(List<List<List<Delivery>>> stages) {
        return stages.stream().map(stage -> stage.stream()
                .map(chain -> chain.stream().map(d -> d.event().id()).toList()).toList()).toList();
    }
}
