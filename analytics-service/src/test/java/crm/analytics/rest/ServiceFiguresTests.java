package crm.analytics.rest;

import static crm.analytics.support.Api.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import crm.analytics.events.IncomingEvents;
import crm.analytics.support.DataSet;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service figures from eight tickets (business minutes to first response / resolution, SLA met):
 *
 * <pre>
 *   T1  H  Workshop  opened 11-02  resolved 11-03   10 /  100  met / met       rated 5
 *   T2  H  Workshop  opened 11-02  resolved 11-04   20 /  200  met / missed    rated 3
 *   T3  M  Billing   opened 11-05  resolved 11-06   30 /  300  missed / met
 *   T4  M  Billing   opened 11-07  resolved 11-09, reopened, resolved again 11-11: 40 / 500 met / missed
 *                    (first resolution 40 / 400 met / met no longer counts), rated 4, closed
 *   T5  H  Workshop  opened 11-08, open
 *   T6  H  Billing   opened 11-09, moved to Workshop, open
 *   T7  M  Billing   opened 11-10, open
 *   T8  H  Workshop  opened 10-30  resolved 11-01   50 / 1000  met / met
 * </pre>
 *
 * November brand-wide: first response [10, 20, 30, 40, 50]: p50 = 3rd = 30, p90 = 5th = 50; resolution
 * [100, 200, 300, 500, 1000]: p50 = 300, p90 = 1000; SLA 4/5 and 3/5; ratings 5, 3, 4: average 4.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class ServiceFiguresTests {

    static final String WORKSHOP = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final String BILLING = "1b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    @Inject
    IncomingEvents incoming;

    static DataSet publishTickets(TestTenant tenant) {
        return publishTickets(new DataSet(tenant));
    }

    static DataSet publishTickets(DataSet data) {
        String t1 = DataSet.id();
        String t2 = DataSet.id();
        String t3 = DataSet.id();
        String t4 = DataSet.id();
        String t6 = DataSet.id();
        String t8 = DataSet.id();
        data.ticketOpened(t1, "hamburg", WORKSHOP, "Workshop", "repair", "2026-11-02T09:00:00Z");
        data.ticketResolved(t1, "2026-11-03T09:00:00Z", 10, 100, true, true);
        data.ticketRated(t1, 5, "2026-11-04T09:00:00Z");
        data.ticketOpened(t2, "hamburg", WORKSHOP, "Workshop", "repair", "2026-11-02T10:00:00Z");
        data.ticketResolved(t2, "2026-11-04T10:00:00Z", 20, 200, true, false);
        data.ticketRated(t2, 3, "2026-11-05T10:00:00Z");
        data.ticketOpened(t3, "munich", BILLING, "Billing", "billing", "2026-11-05T10:00:00Z");
        data.ticketResolved(t3, "2026-11-06T10:00:00Z", 30, 300, false, true);
        data.ticketOpened(t4, "munich", BILLING, "Billing", "billing", "2026-11-07T10:00:00Z");
        data.ticketResolved(t4, "2026-11-09T10:00:00Z", 40, 400, true, true);
        data.ticketRated(t4, 4, "2026-11-09T12:00:00Z");
        data.ticketReopened(t4, "2026-11-10T10:00:00Z");
        data.ticketResolved(t4, "2026-11-11T10:00:00Z", 40, 500, true, false);
        data.ticketClosed(t4, "2026-11-12T10:00:00Z");
        data.ticketOpened(DataSet.id(), "hamburg", WORKSHOP, "Workshop", "repair", "2026-11-08T10:00:00Z");
        data.ticketOpened(t6, "hamburg", BILLING, "Billing", "billing", "2026-11-09T10:00:00Z");
        data.ticketAssigned(t6, WORKSHOP, "Workshop", "2026-11-09T11:00:00Z");
        data.ticketOpened(DataSet.id(), "munich", BILLING, "Billing", "billing", "2026-11-10T10:00:00Z");
        data.ticketOpened(t8, "hamburg", WORKSHOP, "Workshop", "repair", "2026-10-30T10:00:00Z");
        data.ticketResolved(t8, "2026-11-01T10:00:00Z", 50, 1000, true, true);
        return data;
    }

    /** The tickets' events one by one through Kafka, or all in one poll of the consumer. */
    private DataSet publishInOnePollOrNot(TestTenant tenant, boolean onePoll) {
        if (!onePoll) {
            return publishTickets(tenant);
        }
        DataSet data = publishTickets(new DataSet(tenant).holdBack());
        incoming.receive(data.heldAsOnePoll()).await().atMost(Duration.ofSeconds(30));
        return data;
    }

    @ParameterizedTest(name = "tickets in one poll: {0}")
    @ValueSource(booleans = {false, true})
    void shouldReportVolumePercentilesSlaComplianceAndSatisfaction(boolean onePoll) {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishInOnePollOrNot(tenant, onePoll).awaitApplied(hq);

        get(hq, "/api/v1/analytics/service?from=2026-11&to=2026-11").statusCode(200)
                .body("from", equalTo("2026-11"))
                .body("opened", equalTo(7))
                .body("resolved", equalTo(5))
                .body("firstResponseMinutes.p50", equalTo(30))
                .body("firstResponseMinutes.p90", equalTo(50))
                .body("firstResponseMinutes.tickets", equalTo(5))
                .body("resolutionMinutes.p50", equalTo(300))
                .body("resolutionMinutes.p90", equalTo(1000))
                .body("firstResponseSlaCompliance", equalTo(0.8f))
                .body("resolutionSlaCompliance", equalTo(0.6f))
                .body("satisfaction.averageRating", equalTo(4.0f))
                .body("satisfaction.ratings", equalTo(3));
        get(hq, "/api/v1/analytics/service?from=2026-10&to=2026-11").statusCode(200)
                .body("opened", equalTo(8))
                .body("resolved", equalTo(5));
    }

    @ParameterizedTest(name = "tickets in one poll: {0}")
    @ValueSource(booleans = {false, true})
    void shouldShowTheBacklogPerUnitAndQueue(boolean onePoll) {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishInOnePollOrNot(tenant, onePoll).awaitApplied(hq);

        get(hq, "/api/v1/analytics/service?from=2026-11&to=2026-11").statusCode(200)
                .body("openTickets", equalTo(3))
                .body("backlog.unitId", contains(tenant.unit("hamburg"), tenant.unit("munich")))
                .body("backlog.queueName", contains("Workshop", "Billing"))
                .body("backlog.queueId", contains(WORKSHOP, BILLING))
                .body("backlog.open", contains(2, 1));
    }

    @Test
    void shouldGiveAFranchiseeTheFiguresOfItsOwnUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        publishTickets(tenant).awaitApplied(hq);

        // Hamburg resolved T1, T2 and T8: first response [10, 20, 50], resolution [100, 200, 1000].
        get(tenant.unitToken("hamburg", "agent"), "/api/v1/analytics/service?from=2026-11&to=2026-11").statusCode(200)
                .body("opened", equalTo(4))
                .body("resolved", equalTo(3))
                .body("firstResponseMinutes.p50", equalTo(20))
                .body("firstResponseMinutes.p90", equalTo(50))
                .body("resolutionMinutes.p50", equalTo(200))
                .body("firstResponseSlaCompliance", equalTo(1.0f))
                .body("resolutionSlaCompliance", equalTo(0.6667f))
                .body("satisfaction.averageRating", equalTo(4.0f))
                .body("satisfaction.ratings", equalTo(2))
                .body("backlog.unitId", contains(tenant.unit("hamburg")))
                .body("backlog.open", contains(2));
        get(hq, "/api/v1/analytics/service?from=2026-1").statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
