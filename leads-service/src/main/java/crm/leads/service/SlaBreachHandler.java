package crm.leads.service;

import crm.leads.domain.ActivityKind;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadActivity;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.SlaTrack;
import crm.leads.events.LeadEvents;
import crm.leads.repository.LeadActivityRepository;
import crm.leads.repository.LeadRepository;
import crm.platform.events.Outbox;
import crm.platform.timers.DueTimer;
import crm.platform.timers.TimerHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A lead's speed-to-lead target passed. If the lead is still new and untouched it breaches: the breach
 * is recorded, the manager is notified through {@code crm.lead.sla-breached.v1}, and the lead is escalated
 * as the tenant's policy says. This runs in the transaction that removes the timer, so it happens exactly
 * once, also with several replicas; a lead touched in the meantime is simply left alone.
 */
@ApplicationScoped
public class SlaBreachHandler implements TimerHandler {

    static final String AUTHOR = "system:sla";

    private final LeadRepository leads;
    private final LeadActivityRepository activities;
    private final LeadRules rules;
    private final LeadAssignment assignment;
    private final Outbox outbox;

    public SlaBreachHandler(LeadRepository leads, LeadActivityRepository activities, LeadRules rules,
                            LeadAssignment assignment, Outbox outbox) {
        this.leads = leads;
        this.activities = activities;
        this.rules = rules;
        this.assignment = assignment;
        this.outbox = outbox;
    }

    @Override
    public String kind() {
        return SlaTimers.KIND;
    }

    @Override
    public Uni<Void> onDue(SqlConnection tx, DueTimer timer) {
        UUID id;
        try {
            id = UUID.fromString(timer.key());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem();
        }
        return leads.lock(tx, id).flatMap(found -> {
            if (found.isEmpty() || !SlaTrack.runs(found.get().status(), found.get().sla())
                    || found.get().sla().breachedAt() != null) {
                return Uni.createFrom().voidItem();
            }
            return breach(tx, timer.tenantId(), found.get());
        });
    }

    private Uni<Void> breach(SqlConnection tx, String tenantId, Lead lead) {
        OffsetDateTime now = Leads.now();
        Lead breached = Leads.withSla(lead, lead.sla().withBreach(now));
        return rules.load(tx).flatMap(ruleSet -> escalate(tx, ruleSet, breached)).flatMap(escalated -> {
            Lead next = escalated.map(Escalation::lead).orElse(breached);
            String escalatedTo = escalated.map(Escalation::to).orElse(null);
            return leads.update(tx, next)
                    .map(updated -> updated.orElseThrow(() -> new IllegalStateException("locked lead changed")))
                    .call(updated -> activities.insert(tx, updated.unitId(), new LeadActivity(UUID.randomUUID(),
                            updated.id(), ActivityKind.SLA_BREACHED, null, "first contact was due at "
                            + lead.sla().dueAt() + (escalatedTo == null ? "" : "; escalated to " + escalatedTo),
                            now, AUTHOR, now)))
                    .call(updated -> outbox.append(tx, LeadEvents.slaBreached(tenantId, lead, updated, escalatedTo)))
                    .call(updated -> assignment.announceMove(tx, tenantId, lead, updated, AUTHOR, now))
                    .replaceWithVoid();
        });
    }

    /** The lead after escalation and whom it now lies with (a rep, a unit, or "hq"). */
    private record Escalation(Lead lead, String to) {
    }

    private Uni<Optional<Escalation>> escalate(SqlConnection tx, LeadRules.RuleSet ruleSet, Lead lead) {
        String unit = lead.unitId();
        String why = "speed-to-lead target missed";
        switch (ruleSet.sla().escalation()) {
            case NEXT_REP:
                if (unit == null) {
                    return none();
                }
                Set<String> excluded = lead.ownerId() == null ? Set.of() : Set.of(lead.ownerId());
                return assignment.chooseRep(tx, ruleSet.routing(), unit, excluded).map(rep -> Optional.of(
                        new Escalation(Leads.withAssignment(lead, unit, rep.ownerId(), LeadQueue.UNIT,
                                why + "; next rep: " + rep.reason(), lead.territoryId()),
                                rep.ownerId() == null ? unit : rep.ownerId())));
            case UNIT_QUEUE:
                if (unit == null) {
                    return none();
                }
                return Uni.createFrom().item(Optional.of(new Escalation(Leads.withAssignment(lead, unit, null,
                        LeadQueue.UNIT, why + "; unit queue", lead.territoryId()), unit)));
            case HQ_QUEUE:
                return Uni.createFrom().item(Optional.of(new Escalation(Leads.withAssignment(lead, null, null,
                        LeadQueue.HQ, why + "; HQ queue", null), "hq")));
            default:
                return none();
        }
    }

    private static Uni<Optional<Escalation>> none() {
        return Uni.createFrom().item(Optional.empty());
    }
}
