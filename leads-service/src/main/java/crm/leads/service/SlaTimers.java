package crm.leads.service;

import crm.leads.domain.Lead;
import crm.platform.timers.Timers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** The durable speed-to-lead timer of a lead: set at capture, removed once the lead is touched. */
@ApplicationScoped
public class SlaTimers {

    public static final String KIND = "lead.sla";

    private final Timers timers;

    public SlaTimers(Timers timers) {
        this.timers = timers;
    }

    public Uni<Void> start(SqlConnection tx, Lead lead) {
        if (lead.sla().dueAt() == null) {
            return Uni.createFrom().voidItem();
        }
        return timers.schedule(tx, KIND, lead.id().toString(), lead.sla().dueAt());
    }

    public Uni<Void> stop(SqlConnection tx, Lead lead) {
        return timers.cancel(tx, KIND, lead.id().toString());
    }
}
