package crm.contacts.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.TestDatabase;
import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.platform.timers.TimerScheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the service share one database: each has its own connection pool and timer scheduler.
 * However they race, every task falls due exactly once: one due event per task in the outbox and on Kafka.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class TaskDueReplicaTests {

    private static final int TASKS = 20;

    @Inject
    TaskDueHandler handler;

    @Inject
    Vertx vertx;

    @Test
    void shouldPublishEachDueTaskOnceWhileTwoReplicasRace() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        List<String> ids = new ArrayList<>();
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        for (int i = 0; i < TASKS; i++) {
            ids.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"title\": \"race " + i + "\", \"dueAt\": \"" + due + "\"}")
                    .when().post("/api/v1/tasks").then().statusCode(201).extract().path("id"));
        }
        Pool first = pool();
        Pool second = pool();
        TimerScheduler replicaA = new TimerScheduler(first, handler);
        TimerScheduler replicaB = new TimerScheduler(second, handler);
        try (Events.Reader events = Events.read("crm.contacts"); Connection db = TestDatabase.superuser()) {
            Object keys = db.createArrayOf("text", ids.toArray());
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                Uni.combine().all().unis(replicaA.runOnce(), replicaB.runOnce()).asTuple().await().indefinitely();
                return TestDatabase.count(db, "select count(*) from scheduled_timer where kind = 'task.due'"
                        + " and timer_key = any(?)", keys) == 0;
            });

            List<JsonNode> dueEvents = events.await(e -> "crm.task.due.v1".equals(e.path("type").asText())
                    && ids.contains(e.path("data").path("taskId").asText()), TASKS);

            Map<String, Long> perTask = dueEvents.stream().collect(Collectors.groupingBy(
                    e -> e.path("data").path("taskId").asText(), Collectors.counting()));
            assertThat(perTask).hasSize(TASKS).allSatisfy((task, count) -> assertThat(count).isEqualTo(1));
            for (String id : ids) {
                assertThat(TestDatabase.count(db, "select count(*) from outbox_event where type = 'crm.task.due.v1'"
                        + " and message_key = ?", id)).as("due events of task %s in the outbox", id).isEqualTo(1);
            }
        } finally {
            first.closeAndAwait();
            second.closeAndAwait();
        }
    }

    private Pool pool() {
        PgConnectOptions connect = PgConnectOptions.fromUri(DevStack.shared().postgres().reactiveUrl("contacts"))
                .setUser("contacts").setPassword("contacts");
        return Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect)
                .using(vertx.getDelegate()).build());
    }
}
