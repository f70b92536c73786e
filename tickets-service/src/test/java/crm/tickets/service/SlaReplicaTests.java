package crm.tickets.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.platform.timers.TimerHandler;
import crm.platform.timers.TimerScheduler;
import crm.tickets.TicketsDatabase;
import crm.tickets.events.KafkaTopics;
import crm.tickets.events.TicketEvents;
import crm.tickets.rest.Api;
import crm.tickets.rest.SlaSettings;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' timer schedulers, each on its own connection pool, race for the same due SLA timers. The
 * application's own scheduler is off here, so every escalation comes from one of the two; each must
 * happen exactly once.
 */
@QuarkusTest
@TestProfile(SlaReplicaTests.WithoutOwnScheduler.class)
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class SlaReplicaTests {

    public static class WithoutOwnScheduler implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crm.timers.enabled", "false");
        }
    }

    private static final int TICKETS = 8;

    @Inject
    Vertx vertx;

    @Inject
    @Any
    Instance<TimerHandler> handlers;

    private Pool replicaPool() {
        PgConnectOptions options = PgConnectOptions.fromUri(DevStack.shared().postgres().reactiveUrl("tickets"))
                .setUser("tickets").setPassword("tickets");
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(3)).connectingTo(options).using(vertx)
                .build();
    }

    @Test
    void shouldEscalateEachTicketExactlyOnceWithTwoReplicas() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String agent = tenant.hqToken("agent");
        SlaSettings.alwaysOpen(admin);
        SlaSettings.policies(admin, "[{\"name\":\"normal\",\"priority\":\"normal\",\"firstResponseMinutes\":5,"
                + "\"resolutionMinutes\":600,\"warningActions\":[\"raise_priority\"],"
                + "\"breachActions\":[\"raise_priority\",\"notify_manager\"]}]");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(Api.openTicket(agent, "Replica " + i, null));
        }
        for (String id : tickets) {
            SlaSettings.letTimePass(id, 10, "first_response");
        }
        TimerHandler[] all = handlers.stream().toArray(TimerHandler[]::new);
        Pool first = replicaPool();
        Pool second = replicaPool();
        AtomicInteger firedByFirst = new AtomicInteger();
        AtomicInteger firedBySecond = new AtomicInteger();
        try (KafkaTopics.Reader events = new KafkaTopics.Reader(TicketEvents.TOPIC)) {
            TimerScheduler one = new TimerScheduler(first, all);
            TimerScheduler two = new TimerScheduler(second, all);

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Uni.combine().all().unis(one.runOnce().invoke(firedByFirst::addAndGet),
                        two.runOnce().invoke(firedBySecond::addAndGet)).discardItems().await().indefinitely();
                return TicketsDatabase.number("select count(*) from ticket where id = any(?::uuid[])"
                        + " and first_response_warned_at is not null and first_response_breached_at is not null",
                        (Object) tickets.toArray(String[]::new)) == TICKETS;
            });

            for (String id : tickets) {
                // Warning and breach each raised the priority one step: normal, high, urgent.
                Api.get(agent, "/api/v1/tickets/" + id).statusCode(200)
                        .body("priority", org.hamcrest.Matchers.equalTo("urgent"));
                events.await(id, TicketEvents.TICKET_SLA_BREACHED);
            }
            // Resolving publishes one more event per ticket after the escalation: a marker that all before it arrived.
            for (String id : tickets) {
                Api.post(agent, "/api/v1/tickets/" + id + "/status", "{\"status\":\"resolved\"}").statusCode(200);
                events.await(id, TicketEvents.TICKET_RESOLVED);
                assertThat(events.typesOf(id).stream().filter(TicketEvents.TICKET_SLA_WARNING::equals)).as(id).hasSize(1);
                assertThat(events.typesOf(id).stream().filter(TicketEvents.TICKET_SLA_BREACHED::equals)).as(id).hasSize(1);
            }
            assertThat(firedByFirst.get() + firedBySecond.get()).isGreaterThanOrEqualTo(2 * TICKETS);
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }
}
