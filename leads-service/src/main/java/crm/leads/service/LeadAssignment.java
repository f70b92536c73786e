package crm.leads.service;

import crm.leads.domain.ActivityKind;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadActivity;
import crm.leads.domain.LeadRouter;
import crm.leads.domain.RoutingDecision;
import crm.leads.domain.RoutingRules;
import crm.leads.domain.Territories;
import crm.leads.events.LeadEvents;
import crm.leads.repository.LeadActivityRepository;
import crm.leads.repository.LeadRepository;
import crm.leads.repository.RepRotationRepository;
import crm.platform.events.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Runs {@link LeadRouter} against the unit's live state: each rep's open leads and whose turn it is.
 * The rotation row is locked for the transaction, so concurrent captures in one unit take turns.
 */
@ApplicationScoped
public class LeadAssignment {

    private final LeadRepository leads;
    private final RepRotationRepository rotation;
    private final LeadActivityRepository activities;
    private final Outbox outbox;

    public LeadAssignment(LeadRepository leads, RepRotationRepository rotation, LeadActivityRepository activities,
                          Outbox outbox) {
        this.leads = leads;
        this.rotation = rotation;
        this.activities = activities;
        this.outbox = outbox;
    }

    /** Where a new lead goes: unit by capture, territory or fallback, then a rep of that unit. */
    public Uni<RoutingDecision> route(SqlConnection tx, Territories territories, RoutingRules routing,
                                      String fixedUnit, String postalCode, String fallbackUnit) {
        LeadRouter.UnitChoice unit = LeadRouter.chooseUnit(fixedUnit, postalCode, fallbackUnit, territories);
        if (unit.isHeadquarters()) {
            return Uni.createFrom().item(LeadRouter.decide(unit, new LeadRouter.RepChoice(null, "")));
        }
        return chooseRep(tx, routing, unit.unitId(), Set.of()).map(rep -> LeadRouter.decide(unit, rep));
    }

    /** A rep of {@code unitId} by the unit's strategy, skipping {@code excluded}; records the turn. */
    public Uni<LeadRouter.RepChoice> chooseRep(SqlConnection tx, RoutingRules routing, String unitId,
                                               Set<String> excluded) {
        RoutingRules.UnitRoster roster = routing.roster(unitId).orElse(null);
        if (roster == null || roster.reps().isEmpty()) {
            return Uni.createFrom().item(LeadRouter.chooseRep(roster, java.util.Map.of(), null, excluded));
        }
        return rotation.lockLast(tx, unitId).flatMap(last -> leads.openLeadsPerOwner(tx, unitId)
                .flatMap(loads -> {
                    LeadRouter.RepChoice choice = LeadRouter.chooseRep(roster, loads, last, excluded);
                    return choice.ownerId() == null ? Uni.createFrom().item(choice)
                            : rotation.recordAssigned(tx, unitId, choice.ownerId()).replaceWith(choice);
                }));
    }

    /**
     * Records that a stored lead moved from {@code before}'s owner and unit to {@code after}'s: its history
     * follows it into the new unit, an activity notes the move and {@code crm.lead.assigned.v1} tells others.
     * Nothing happens when neither owner, unit nor queue changed.
     */
    public Uni<Void> announceMove(SqlConnection tx, String tenantId, Lead before, Lead after, String authorId,
                                  OffsetDateTime at) {
        if (Objects.equals(before.ownerId(), after.ownerId()) && Objects.equals(before.unitId(), after.unitId())
                && before.queue() == after.queue()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> move = Objects.equals(before.unitId(), after.unitId()) ? Uni.createFrom().voidItem()
                : activities.moveToUnit(tx, after.id(), after.unitId());
        return move
                .flatMap(ignored -> activities.insert(tx, after.unitId(), new LeadActivity(UUID.randomUUID(), after.id(),
                        ActivityKind.ASSIGNED, null, after.routingReason(), at, authorId, at)))
                .flatMap(ignored -> outbox.append(tx, LeadEvents.assigned(tenantId, after, before.ownerId(),
                        before.unitId(), at)));
    }
}
