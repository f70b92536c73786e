package crm.leads.service;

import crm.leads.domain.ActivityKind;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadActivity;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.LeadStatus;
import crm.leads.domain.LeadWorkflow;
import crm.leads.domain.SlaTrack;
import crm.leads.events.LeadEvents;
import crm.leads.repository.LeadActivityRepository;
import crm.leads.repository.LeadRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A lead's way from new to converted (or disqualified, or nurtured), its reassignment and its activities.
 * Every step locks the lead, checks the caller's If-Match, refuses an invalid step with 409, and writes the
 * change, a history entry and its event in one transaction.
 */
@ApplicationScoped
public class LeadWorkflowService {

    private static final int MAX_NURTURE_DAYS = 731;
    /** Clocks of phones and browsers drift; an activity "in the future" by more than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final LeadRepository leads;
    private final LeadActivityRepository activities;
    private final LeadRules rules;
    private final LeadScoring scoring;
    private final LeadAssignment assignment;
    private final LeadConversion conversion;
    private final SlaTimers slaTimers;
    private final Outbox outbox;

    public LeadWorkflowService(TenantScope scope, CurrentTenant currentTenant, LeadRepository leads,
                               LeadActivityRepository activities, LeadRules rules, LeadScoring scoring,
                               LeadAssignment assignment, LeadConversion conversion, SlaTimers slaTimers,
                               Outbox outbox) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.leads = leads;
        this.activities = activities;
        this.rules = rules;
        this.scoring = scoring;
        this.assignment = assignment;
        this.conversion = conversion;
        this.slaTimers = slaTimers;
        this.outbox = outbox;
    }

    public Uni<Lead> contact(UUID id, ExpectedVersion expected, @Valid WorkflowRequests.Step request) {
        return step(id, expected, LeadStatus.CONTACTED, null, null, note(request), (tx, next, now) ->
                Uni.createFrom().item(Leads.withSla(next, next.sla().withFirstContact(now))));
    }

    public Uni<Lead> qualify(UUID id, ExpectedVersion expected, @Valid WorkflowRequests.Step request) {
        return step(id, expected, LeadStatus.QUALIFIED, null, null, note(request), null);
    }

    public Uni<Lead> disqualify(UUID id, ExpectedVersion expected,
                                @Valid @NotNull WorkflowRequests.Disqualification request) {
        return step(id, expected, LeadStatus.DISQUALIFIED, request.reason().strip(), null, null, null);
    }

    public Uni<Lead> nurture(UUID id, ExpectedVersion expected, @Valid @NotNull WorkflowRequests.Nurturing request) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        if (!request.until().isAfter(today) || request.until().isAfter(today.plusDays(MAX_NURTURE_DAYS))) {
            throw ProblemException.badRequest("until", "must be a date after today and at most two years ahead");
        }
        return step(id, expected, LeadStatus.NURTURE, LeadRequests.blankToNull(request.reason()), request.until(),
                null, null);
    }

    public Uni<Lead> convert(UUID id, ExpectedVersion expected, @Valid @NotNull WorkflowRequests.Conversion request) {
        return step(id, expected, LeadStatus.CONVERTED, null, null, null,
                (tx, next, now) -> conversion.convert(tx, next, request, now));
    }

    public Uni<Lead> reassign(UUID id, ExpectedVersion expected,
                              @Valid @NotNull WorkflowRequests.Reassignment request) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> lockOpen(tx, id, expected).flatMap(current -> {
            OffsetDateTime now = Leads.now();
            String reason = "reassigned by " + context.subject() + ": " + request.reason().strip();
            Lead next;
            if (request.queue() == LeadQueue.HQ) {
                if (!context.isBrandWide()) {
                    throw ProblemException.forbidden("Only headquarters can move a lead to the HQ queue");
                }
                next = Leads.withAssignment(current, null, null, LeadQueue.HQ, reason, null);
            } else {
                String unit = request.unitId() != null ? LeadService.unitFor(context, request.unitId())
                        : current.unitId();
                if (unit == null) {
                    throw ProblemException.badRequest("unitId", "name the unit that takes the lead out of the HQ queue");
                }
                next = Leads.withAssignment(current, unit, LeadRequests.blankToNull(request.ownerId()), LeadQueue.UNIT,
                        reason, Objects.equals(unit, current.unitId()) ? current.territoryId() : null);
            }
            return leads.update(tx, next)
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Lead " + id)))
                    .call(updated -> assignment.announceMove(tx, context.tenantId(), current, updated,
                            context.subject(), now));
        }));
    }

    /**
     * Logs a rep's activity. A call attempt, call, e-mail or meeting on an untouched new lead is its first
     * contact (timed when logged, not when claimed, so the speed-to-lead figure cannot be backdated); a
     * conversation rescores the lead.
     */
    public Uni<LeadActivity> logActivity(UUID id, @Valid @NotNull WorkflowRequests.NewActivity request) {
        if (!request.kind().isLoggable()) {
            throw ProblemException.badRequest("kind", "must be " + ActivityKind.LOGGABLE);
        }
        OffsetDateTime now = Leads.now();
        if (request.occurredAt() != null && request.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.badRequest("occurredAt", "must not lie in the future");
        }
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> leads.lock(tx, id).flatMap(found -> {
            Lead current = found.orElseThrow(() -> LeadService.notFound(id));
            if (current.anonymisedAt() != null) {
                throw ProblemException.conflict("Lead " + id + " is anonymised; nothing more is recorded about it");
            }
            OffsetDateTime occurredAt = request.occurredAt() == null ? now
                    : request.occurredAt().withOffsetSameInstant(java.time.ZoneOffset.UTC)
                            .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            LeadActivity activity = new LeadActivity(UUID.randomUUID(), id, request.kind(),
                    LeadRequests.blankToNull(request.outcome()), LeadRequests.blankToNull(request.note()), occurredAt,
                    context.subject(), now);
            return activities.insert(tx, current.unitId(), activity)
                    .call(saved -> afterActivity(tx, context, current, saved, now));
        }));
    }

    public Uni<Page<LeadActivity>> listActivities(UUID id, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> leads.findById(tx, id).flatMap(found -> {
                    found.orElseThrow(() -> LeadService.notFound(id));
                    return activities.list(tx, id, page);
                }))
                .map(rows -> Page.of(rows, page, a -> new Cursor(a.occurredAt().toString(), a.id().toString())));
    }

    private Uni<Void> afterActivity(SqlConnection tx, TenantContext context, Lead current, LeadActivity activity,
                                    OffsetDateTime now) {
        Lead next = current;
        boolean firstContact = activity.kind().isContactAttempt() && SlaTrack.runs(current.status(), current.sla());
        if (firstContact) {
            next = Leads.withSla(next, next.sla().withFirstContact(now));
        }
        Uni<Lead> scored = Uni.createFrom().item(next);
        if (activity.kind().isEngagement()) {
            Lead base = next;
            scored = rules.load(tx).flatMap(ruleSet -> scoring.rescore(tx, ruleSet.scoring(), base, now));
        }
        return scored.flatMap(changed -> {
            if (changed.equals(current)) {
                return Uni.createFrom().voidItem();
            }
            return leads.update(tx, changed)
                    .map(updated -> updated.orElseThrow(() -> new IllegalStateException("locked lead changed")))
                    .call(updated -> firstContact ? slaTimers.stop(tx, updated) : Uni.createFrom().voidItem())
                    .call(updated -> scoring.announceChange(tx, context.tenantId(), current, updated))
                    .replaceWithVoid();
        });
    }

    /** What a step adds to the status change, e.g. the first-contact time or the conversion. */
    @FunctionalInterface
    interface StepEffect {
        Uni<Lead> apply(SqlConnection tx, Lead next, OffsetDateTime now);
    }

    private Uni<Lead> step(UUID id, ExpectedVersion expected, LeadStatus to, String reason, LocalDate nurtureUntil,
                           String note, StepEffect effect) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> leads.lock(tx, id).flatMap(found -> {
            Lead current = found.orElseThrow(() -> LeadService.notFound(id));
            expected.check("Lead " + id, current.version());
            String refusal = LeadWorkflow.refusal(current.status(), to);
            if (refusal != null) {
                throw ProblemException.conflict(refusal);
            }
            if (current.anonymisedAt() != null) {
                throw ProblemException.conflict("Lead " + id + " is anonymised and can no longer change");
            }
            OffsetDateTime now = Leads.now();
            Lead changed = Leads.withStatus(current, to, reason, nurtureUntil);
            Uni<Lead> next = effect == null ? Uni.createFrom().item(changed) : effect.apply(tx, changed, now);
            return next.flatMap(n -> leads.update(tx, n))
                    .map(updated -> updated.orElseThrow(() -> new IllegalStateException("locked lead changed")))
                    .call(updated -> activities.insert(tx, updated.unitId(), new LeadActivity(UUID.randomUUID(), id,
                            ActivityKind.STATUS_CHANGED, to.value(), describe(current.status(), to, reason, note),
                            now, context.subject(), now)))
                    .call(updated -> current.status() == LeadStatus.NEW ? slaTimers.stop(tx, updated)
                            : Uni.createFrom().voidItem())
                    .call(updated -> outbox.append(tx, LeadEvents.statusChanged(context.tenantId(), updated,
                            current.status(), context.subject(), now)))
                    .call(updated -> to == LeadStatus.CONVERTED
                            ? outbox.append(tx, LeadEvents.converted(context.tenantId(), updated))
                            : Uni.createFrom().voidItem());
        }));
    }

    private Uni<Lead> lockOpen(SqlConnection tx, UUID id, ExpectedVersion expected) {
        return leads.lock(tx, id).map(found -> {
            Lead current = found.orElseThrow(() -> LeadService.notFound(id));
            expected.check("Lead " + id, current.version());
            if (!current.status().isOpen()) {
                throw ProblemException.conflict("Lead " + id + " is " + current.status().value()
                        + "; only open leads can be reassigned");
            }
            return current;
        });
    }

    private static String note(WorkflowRequests.Step request) {
        return request == null ? null : LeadRequests.blankToNull(request.note());
    }

    private static String describe(LeadStatus from, LeadStatus to, String reason, String note) {
        StringBuilder s = new StringBuilder(from.value()).append(" -> ").append(to.value());
        if (reason != null) {
            s.append(": ").append(reason);
        }
        if (note != null) {
            s.append(" - ").append(note);
        }
        return s.toString();
    }
}
