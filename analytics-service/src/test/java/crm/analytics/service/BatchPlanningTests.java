package crm.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.platform.events.CloudEvent;
import crm.platform.inbox.Inbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * This service's batch transactions plan their cached statements once (crm.events.inbox.generic-plans):
 * its handlers run keyed writes whose custom planning cost more than their execution.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class BatchPlanningTests {

    private static final String PLAN_CACHE_MODE = "select current_setting('plan_cache_mode')";

    @Inject
    Inbox inbox;

    @Test
    void shouldPlanGenericallyInsideABatchTransaction() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/test",
                "crm.interaction.logged.v1", "subject", null, null, tenant.id(), null, null);
        AtomicReference<String> seenByHandler = new AtomicReference<>();

        List<Boolean> applied = inbox.receiveTogether(List.of(new Inbox.Delivery("test.planning", event,
                        (tx, e) -> tx.query(PLAN_CACHE_MODE).execute()
                                .invoke(rows -> seenByHandler.set(rows.iterator().next().getString(0)))
                                .replaceWithVoid(), "interaction")),
                (tx, deliveries) -> Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(30));

        assertThat(applied).containsExactly(true);
        assertThat(seenByHandler).hasValue("force_generic_plan");
    }
}
