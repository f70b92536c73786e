package crm.leads.rest;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;
import static crm.leads.support.Api.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.events.LeadEvents;
import crm.leads.service.SlaBreachHandler;
import crm.leads.service.SlaTimers;
import crm.leads.support.Events;
import crm.platform.timers.TimerScheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Speed-to-lead: breach, escalation, views and exactly-once firing. Waiting a business minute is what the
 * journey test does; here the lead's timer is made due at once, which is what the passing of time would do.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class SlaTests {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SlaBreachHandler handler;

    /** An SLA over a calendar open around the clock, so tests do not depend on the time of day. */
    static String alwaysOpenSla(int minutes, double warningShare, String escalation) {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.append(week.length() == 0 ? "" : ",").append("{\"day\":\"").append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"24:00\"}");
        }
        return "{\"calendar\":{\"zone\":\"Europe/Berlin\",\"week\":[" + week + "],\"holidays\":[]},\"defaultMinutes\":"
                + minutes + ",\"warningShare\":" + warningShare + ",\"escalation\":\"" + escalation + "\"}";
    }

    /** What the passing of the target time would do: the lead's timer falls due now. */
    void makeDue(String leadId) {
        int moved = pool.preparedQuery("update scheduled_timer set due_at = now() where kind = $1 and timer_key = $2")
                .execute(Tuple.of(SlaTimers.KIND, leadId)).await().indefinitely().rowCount();
        assertThat(moved).as("an SLA timer for lead %s", leadId).isEqualTo(1);
    }

    long breachEvents(String leadId) {
        return pool.preparedQuery("select count(*) as n from outbox_event where type = $1 and message_key = $2")
                .execute(Tuple.of(LeadEvents.LEAD_SLA_BREACHED, leadId)).await().indefinitely()
                .iterator().next().getLong("n");
    }

    boolean timerExists(String leadId) {
        return pool.preparedQuery("select 1 from scheduled_timer where kind = $1 and timer_key = $2")
                .execute(Tuple.of(SlaTimers.KIND, leadId)).await().indefinitely().size() == 1;
    }

    @Test
    void shouldBreachAnUntouchedLeadOnceAndEscalateToTheNextRep() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        put(admin, "/api/v1/leads/config/sla", null, alwaysOpenSla(30, 0.5, "next_rep")).statusCode(200);
        put(admin, "/api/v1/leads/config/routing", null, LeadConfigTests.routing(tenant, "round_robin", "rep-a", "rep-b"))
                .statusCode(200);
        String agent = tenant.unitToken("hamburg", "agent");
        String manager = tenant.unitToken("hamburg", "manager");
        try (Events events = Events.ofLeads()) {
            String id = createLead(agent, "{\"lastName\":\"Late\",\"email\":\"late@example.com\",\"channel\":\"website\"}");
            get(agent, "/api/v1/leads/" + id).statusCode(200).body("ownerId", equalTo("rep-a"))
                    .body("sla.minutes", equalTo(30)).body("sla.state", equalTo("on_track"));

            makeDue(id);

            JsonNode breach = events.await(id, LeadEvents.LEAD_SLA_BREACHED);
            assertThat(breach.get("data").get("ownerId").asText()).isEqualTo("rep-a");
            assertThat(breach.get("data").get("unitId").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(breach.get("data").get("escalatedTo").asText()).isEqualTo("rep-b");
            assertThat(breach.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            JsonNode reassigned = events.all(id).stream()
                    .filter(e -> e.get("type").asText().equals(LeadEvents.LEAD_ASSIGNED)
                            && "rep-a".equals(e.get("data").path("previousOwnerId").asText(null)))
                    .findFirst().orElseThrow();
            assertThat(reassigned.get("data").get("ownerId").asText()).isEqualTo("rep-b");
            get(manager, "/api/v1/leads/" + id).statusCode(200).body("ownerId", equalTo("rep-b"))
                    .body("sla.state", equalTo("breached")).body("sla.breachedAt", notNullValue());
            get(manager, "/api/v1/leads/" + id + "/activities").statusCode(200).body("items.kind", hasItem("sla_breached"));
            assertThat(breachEvents(id)).isEqualTo(1);
            assertThat(timerExists(id)).isFalse();
        }
    }

    @Test
    void shouldOnlyNotifyWhenThePolicySaysSo() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        put(tenant.hqToken("admin"), "/api/v1/leads/config/sla", null, alwaysOpenSla(30, 0.5, "notify")).statusCode(200);
        String agent = tenant.hqToken("agent");
        try (Events events = Events.ofLeads()) {
            String id = createLead(agent, "{\"lastName\":\"Late\",\"email\":\"late@example.com\",\"channel\":\"website\"}");

            makeDue(id);

            JsonNode breach = events.await(id, LeadEvents.LEAD_SLA_BREACHED);
            assertThat(breach.get("data").get("escalatedTo").isNull()).isTrue();
            get(agent, "/api/v1/leads/" + id).statusCode(200).body("queue", equalTo("hq"))
                    .body("sla.state", equalTo("breached"));
        }
    }

    @Test
    void shouldLeaveATouchedLeadAlone() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        put(tenant.hqToken("admin"), "/api/v1/leads/config/sla", null, alwaysOpenSla(30, 0.5, "hq_queue")).statusCode(200);
        String agent = tenant.unitToken("hamburg", "agent");
        String id = createLead(agent, "{\"lastName\":\"Quick\",\"email\":\"quick@example.com\",\"channel\":\"website\"}");
        assertThat(timerExists(id)).isTrue();

        post(agent, "/api/v1/leads/" + id + "/activities", "{\"kind\":\"call_attempt\"}").statusCode(201);
        assertThat(timerExists(id)).isFalse();
        // Even a timer that fires late (it was claimed just before the contact) finds nothing to do.
        pool.preparedQuery("insert into scheduled_timer (tenant_id, kind, timer_key, due_at) values ($1, $2, $3, now())")
                .execute(Tuple.of(tenant.id(), SlaTimers.KIND, id)).await().indefinitely();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !timerExists(id));

        get(agent, "/api/v1/leads/" + id).statusCode(200).body("sla.state", equalTo("met"))
                .body("unitId", equalTo(tenant.unit("hamburg")));
        assertThat(breachEvents(id)).isZero();
    }

    @Test
    void shouldListLeadsAtRiskAndThenBreached() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        put(tenant.hqToken("admin"), "/api/v1/leads/config/sla", null, alwaysOpenSla(10, 0.05, "notify")).statusCode(200);
        String agent = tenant.unitToken("hamburg", "agent");
        String manager = tenant.unitToken("hamburg", "manager");
        String id = createLead(agent, "{\"lastName\":\"Risky\",\"email\":\"risky@example.com\",\"channel\":\"website\"}");
        String calm = createLead(agent, "{\"lastName\":\"Calm\",\"email\":\"calm@example.com\",\"channel\":\"website\"}");
        post(agent, "/api/v1/leads/" + calm + "/contact", "{}").statusCode(200);

        get(manager, "/api/v1/leads?view=at-risk").statusCode(200).body("items.id", equalTo(List.of(id)))
                .body("items[0].sla.state", equalTo("at_risk"));
        get(manager, "/api/v1/leads?view=breached").statusCode(200).body("items.size()", equalTo(0));

        makeDue(id);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> breachEvents(id) == 1);

        get(manager, "/api/v1/leads?view=breached").statusCode(200).body("items.id", equalTo(List.of(id)));
        get(manager, "/api/v1/leads?view=at-risk").statusCode(200).body("items.id", not(hasItem(id)));
        get(tenant.unitToken("munich", "manager"), "/api/v1/leads?view=breached").statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void shouldFireEachTimerOnceWithSeveralReplicas() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        put(tenant.hqToken("admin"), "/api/v1/leads/config/sla", null, alwaysOpenSla(30, 0.5, "unit_queue")).statusCode(200);
        String agent = tenant.unitToken("hamburg", "agent");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(createLead(agent, "{\"lastName\":\"R" + i + "\",\"email\":\"r" + i + "@example.com\",\"channel\":\"event\"}"));
        }
        Pool second = replicaPool();
        Pool third = replicaPool();
        try {
            TimerScheduler replicaB = new TimerScheduler(second, handler);
            TimerScheduler replicaC = new TimerScheduler(third, handler);

            ids.forEach(this::makeDue);
            Uni.combine().all().unis(replicaB.runOnce(), replicaC.runOnce(), replicaB.runOnce(), replicaC.runOnce())
                    .discardItems().await().atMost(Duration.ofSeconds(60));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().noneMatch(this::timerExists));
            for (String id : ids) {
                assertThat(breachEvents(id)).as("breach events of %s", id).isEqualTo(1);
            }
        } finally {
            second.close().await().indefinitely();
            third.close().await().indefinitely();
        }
    }

    private Pool replicaPool() {
        var config = ConfigProvider.getConfig();
        PgConnectOptions connect = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(connect).using(vertx).build();
    }
}
