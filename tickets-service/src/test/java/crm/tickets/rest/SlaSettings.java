package crm.tickets.rest;

import crm.tickets.TicketsDatabase;
import java.util.UUID;

/** SLA set-ups the tests share: an always-open calendar, short policies, and moving a clock into the past. */
public final class SlaSettings {

    public static final String ALWAYS_OPEN = "{\"tenant\":{\"zone\":\"Europe/Berlin\",\"openingHours\":{"
            + "\"monday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}],\"tuesday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}],"
            + "\"wednesday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}],\"thursday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}],"
            + "\"friday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}],\"saturday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}],"
            + "\"sunday\":[{\"opens\":\"00:00\",\"closes\":\"00:00\"}]}}}";

    private SlaSettings() {
    }

    public static void alwaysOpen(String adminToken) {
        Api.put(adminToken, "/api/v1/sla-policies/calendars", "*", ALWAYS_OPEN).statusCode(200);
    }

    public static void policies(String adminToken, String policiesJson) {
        Api.put(adminToken, "/api/v1/sla-policies", "*", "{\"policies\":" + policiesJson + "}").statusCode(200);
    }

    /**
     * Lets {@code minutes} of (always-open) business time pass for a ticket at once: its clock is moved back,
     * and the timers of {@code target} become due now, as they would have by then.
     */
    public static void letTimePass(String ticketId, int minutes, String target) {
        UUID id = UUID.fromString(ticketId);
        TicketsDatabase.execute("update ticket set clock_running_since = clock_running_since - make_interval(mins => ?)"
                + " where id = ?", minutes, id);
        TicketsDatabase.execute("update scheduled_timer set due_at = now() where timer_key = ? and kind like ?",
                ticketId, "ticket-sla." + target + ".%");
    }
}
