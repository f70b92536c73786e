package crm.leads.service;

import crm.leads.domain.ActivityKind;
import crm.leads.domain.Channel;
import crm.leads.domain.Consent;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadActivity;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.LeadStatus;
import crm.leads.domain.SlaClock;
import crm.leads.domain.SlaTrack;
import crm.leads.events.LeadEvents;
import crm.leads.repository.ContactRefRepository;
import crm.leads.repository.LeadActivityRepository;
import crm.leads.repository.LeadRepository;
import crm.platform.events.Outbox;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every way in (API, web form, CSV import) ends here, inside the caller's transaction. A capture whose
 * e-mail or phone matches an open lead is attached to that lead instead of creating a second one. A new
 * lead is linked to a known contact with the same e-mail or phone (and flagged as an up-/cross-sell lead),
 * scored, routed, and its speed-to-lead timer is started; its events go to the outbox in the same
 * transaction.
 */
@ApplicationScoped
public class LeadCapture {

    /**
     * One capture: the details, how it came in, the consent given, a unit already decided ({@code fixedUnit})
     * or the unit to fall back on when no territory claims it, and whether it was a web-form fill.
     */
    public record Capture(LeadDetails details, Channel channel, String formKey, Consent consent, String fixedUnit,
                          String fallbackUnit, boolean formFill) {
    }

    /** The lead the capture created or was attached to. */
    public record Captured(Lead lead, boolean attached) {
    }

    private final LeadRepository leads;
    private final LeadActivityRepository activities;
    private final ContactRefRepository contacts;
    private final LeadRules rules;
    private final LeadAssignment assignment;
    private final LeadScoring scoring;
    private final SlaTimers slaTimers;
    private final Outbox outbox;

    public LeadCapture(LeadRepository leads, LeadActivityRepository activities, ContactRefRepository contacts,
                       LeadRules rules, LeadAssignment assignment, LeadScoring scoring, SlaTimers slaTimers,
                       Outbox outbox) {
        this.leads = leads;
        this.activities = activities;
        this.contacts = contacts;
        this.rules = rules;
        this.assignment = assignment;
        this.scoring = scoring;
        this.slaTimers = slaTimers;
        this.outbox = outbox;
    }

    public Uni<Captured> capture(SqlConnection tx, TenantContext context, Capture c) {
        LeadDetails d = c.details();
        return leads.findOpenMatch(tx, d.emailKey(), d.phoneKey()).flatMap(match -> match.isPresent()
                ? attach(tx, context, match.get(), c)
                : create(tx, context, c));
    }

    private Uni<Captured> create(SqlConnection tx, TenantContext context, Capture c) {
        OffsetDateTime now = Leads.now();
        LeadDetails d = c.details();
        return rules.load(tx).flatMap(ruleSet -> contacts.findByKeys(tx, d.emailKey(), d.phoneKey())
                .flatMap(contact -> assignment.route(tx, ruleSet.territories(), ruleSet.routing(), c.fixedUnit(),
                        d.postalCode(), c.fallbackUnit()).flatMap(route -> {
                            SlaClock.Plan plan = SlaClock.plan(ruleSet.sla(), route.unitId(), c.channel(), now.toInstant());
                            int formFills = c.formFill() ? 1 : 0;
                            Lead lead = new Lead(UUID.randomUUID(), route.unitId(), d, c.channel(), c.formKey(),
                                    LeadStatus.NEW, route.ownerId(), route.queue(), route.reason(),
                                    route.territoryId(), LeadScoring.initial(ruleSet.scoring(), d, formFills, now),
                                    contact.map(ContactRefRepository.ContactRef::contactId).orElse(null),
                                    contact.isPresent(), c.consent(), formFills, now,
                                    new SlaTrack(plan.minutes(), utc(plan.warnAt()), utc(plan.dueAt()), null, null),
                                    null, null, null, null, now, null, 1, context.subject(), now, now);
                            return leads.insert(tx, lead);
                        })))
                .call(saved -> activities.insert(tx, saved.unitId(), new LeadActivity(UUID.randomUUID(), saved.id(),
                        ActivityKind.CAPTURE, c.channel().value(), describe(c), now, context.subject(), now)))
                .call(saved -> outbox.append(tx, LeadEvents.captured(context.tenantId(), saved)))
                .call(saved -> outbox.append(tx, LeadEvents.scored(context.tenantId(), saved, null)))
                .call(saved -> outbox.append(tx, LeadEvents.assigned(context.tenantId(), saved, null, null, now)))
                .call(saved -> slaTimers.start(tx, saved))
                .map(saved -> new Captured(saved, false));
    }

    /**
     * The capture joins the open lead: blanks are filled, products of interest added, the form fill
     * counted, a known contact linked if the lead had none, and the lead rescored. The lead keeps its owner,
     * its first-touch campaign and its speed-to-lead clock.
     */
    private Uni<Captured> attach(SqlConnection tx, TenantContext context, Lead existing, Capture c) {
        OffsetDateTime now = Leads.now();
        Lead merged = Leads.withEngagement(Leads.withDetails(existing, merge(existing.details(), c.details())),
                existing.formFills() + (c.formFill() ? 1 : 0), now);
        Lead withConsent = c.consent() != null && c.consent().given()
                && (existing.consent() == null || !existing.consent().given()) ? withConsent(merged, c.consent()) : merged;
        Uni<Lead> recognised = withConsent.contactId() != null ? Uni.createFrom().item(withConsent)
                : contacts.findByKeys(tx, withConsent.details().emailKey(), withConsent.details().phoneKey())
                        .map(contact -> contact.map(ref -> Leads.withContact(withConsent, ref.contactId(), true))
                                .orElse(withConsent));
        return recognised
                .flatMap(next -> rules.load(tx).flatMap(ruleSet -> scoring.rescore(tx, ruleSet.scoring(), next, now)))
                .flatMap(next -> leads.update(tx, next))
                .map(updated -> updated.orElseThrow(() -> new IllegalStateException("locked lead changed")))
                .call(updated -> activities.insert(tx, updated.unitId(), new LeadActivity(UUID.randomUUID(),
                        updated.id(), ActivityKind.CAPTURE_ATTACHED, c.channel().value(), describe(c), now,
                        context.subject(), now)))
                .call(updated -> outbox.append(tx, LeadEvents.captureAttached(context.tenantId(), updated, c.channel(),
                        c.details().campaignId(), c.formKey(), now)))
                .call(updated -> scoring.announceChange(tx, context.tenantId(), existing, updated))
                .map(updated -> new Captured(updated, true));
    }

    static LeadDetails merge(LeadDetails kept, LeadDetails added) {
        List<String> products = new ArrayList<>(new LinkedHashSet<>(concat(kept.productsOfInterest(),
                added.productsOfInterest())));
        return new LeadDetails(first(kept.salutation(), added.salutation()), first(kept.firstName(), added.firstName()),
                first(kept.lastName(), added.lastName()), first(kept.email(), added.email()),
                first(kept.phone(), added.phone()), first(kept.companyName(), added.companyName()),
                first(kept.companyDomain(), added.companyDomain()), first(kept.companySize(), added.companySize()),
                first(kept.postalCode(), added.postalCode()), first(kept.city(), added.city()),
                first(kept.countryCode(), added.countryCode()), products,
                first(kept.campaignId(), added.campaignId()), first(kept.sourceDetails(), added.sourceDetails()),
                first(kept.message(), added.message()));
    }

    private static Lead withConsent(Lead l, Consent consent) {
        return new Lead(l.id(), l.unitId(), l.details(), l.channel(), l.formKey(), l.status(), l.ownerId(), l.queue(),
                l.routingReason(), l.territoryId(), l.score(), l.contactId(), l.upsell(), consent, l.formFills(),
                l.lastEngagedAt(), l.sla(), l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(),
                l.capturedAt(), l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }

    private static String describe(Capture c) {
        StringBuilder s = new StringBuilder(c.formFill() ? "web form " + c.formKey() : c.channel().value());
        Optional.ofNullable(c.details().sourceDetails()).ifPresent(x -> s.append(": ").append(x));
        Optional.ofNullable(c.details().message()).ifPresent(x -> s.append(" - ").append(x));
        return s.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> T first(T kept, T added) {
        return kept != null ? kept : added;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
