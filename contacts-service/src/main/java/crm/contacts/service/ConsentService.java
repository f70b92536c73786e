package crm.contacts.service;

import crm.contacts.domain.Consent;
import crm.contacts.domain.ConsentChannel;
import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.contacts.events.ConsentEvents;
import crm.contacts.repository.ConsentRepository;
import crm.contacts.repository.ContactReferences;
import crm.contacts.repository.TimelineRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Consent per channel. The row holds the statement in force; each change is a timeline entry (the history,
 * with source and wording version) and a {@code crm.consent.changed.v1} event, in one transaction.
 */
@ApplicationScoped
public class ConsentService {

    /** Clocks of shops and tills drift; a statement a little in the future is taken as now-ish, more is an error. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ContactReferences references;
    private final ConsentRepository consents;
    private final TimelineRepository timeline;
    private final Outbox outbox;

    public ConsentService(TenantScope scope, CurrentTenant currentTenant, ContactReferences references,
                          ConsentRepository consents, TimelineRepository timeline, Outbox outbox) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.references = references;
        this.consents = consents;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    /** All four channels; a channel nobody recorded anything for is {@code unknown} with version 0. */
    public Uni<List<Consent>> ofContact(UUID contactId) {
        return scope.inTransaction(currentTenant.get(), tx -> references.contact(tx, contactId).flatMap(contact -> {
            if (contact.isEmpty()) {
                throw ProblemException.notFound("Contact " + contactId);
            }
            return consents.allOfContact(tx, contact.get().id());
        })).map(stored -> {
            List<Consent> all = new ArrayList<>();
            for (ConsentChannel channel : ConsentChannel.values()) {
                all.add(stored.stream().filter(c -> c.channel() == channel).findFirst()
                        .orElse(Consent.unknown(contactId, channel)));
            }
            return all;
        });
    }

    public Uni<Consent> change(UUID contactId, String channelName, ExpectedVersion expected,
                               @Valid @NotNull ConsentStatement statement) {
        ConsentChannel channel = channel(channelName);
        Instants.plausible("changedAt", statement.changedAt());
        TenantContext context = currentTenant.get();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime changedAt = statement.changedAt() == null ? now
                : statement.changedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (changedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.badRequest("changedAt", "must not be in the future");
        }
        return scope.inTransaction(context, tx -> references.contact(tx, contactId).flatMap(contact -> {
            if (contact.isEmpty()) {
                throw ProblemException.notFound("Contact " + contactId);
            }
            UUID subject = contact.get().id();
            return consents.findForUpdate(tx, subject, channel).flatMap(found -> {
                Consent before = found.orElse(Consent.unknown(subject, channel));
                expected.check("Consent " + channel.value() + " of contact " + contactId, before.version());
                Consent next = new Consent(subject, channel, statement.status(), statement.source().strip(),
                        TextFields.clean(statement.wordingVersion()), changedAt, context.subject(), before.version());
                if (sameStatement(before, next)) {
                    return Uni.createFrom().item(before);
                }
                String unit = contact.get().unitId();
                return consents.save(tx, unit, next, before.version())
                        .map(saved -> saved.orElseThrow(() -> ExpectedVersion.stale("Consent " + channel.value()
                                + " of contact " + contactId)))
                        .call(saved -> timeline.insert(tx, entryOf(unit, before, saved), null))
                        .call(saved -> outbox.append(tx, ConsentEvents.changed(context, unit, before, saved)));
            });
        }));
    }

    /** Saying the same thing again (same status, source and wording) changes nothing and is not history. */
    private static boolean sameStatement(Consent before, Consent next) {
        return before.version() > 0 && before.status() == next.status() && Objects.equals(before.source(), next.source())
                && Objects.equals(before.wordingVersion(), next.wordingVersion());
    }

    private static TimelineEntry entryOf(String unit, Consent before, Consent after) {
        String summary = "Consent for " + after.channel().value() + ": " + after.status().value()
                + " (was " + before.status().value() + "); source: " + after.source()
                + (after.wordingVersion() == null ? "" : "; wording " + after.wordingVersion());
        return new TimelineEntry(UUID.randomUUID(), unit, after.contactId(), null, TimelineKind.CONSENT_CHANGED,
                after.changedAt(), after.changedBy(), summary, after.status().value(), null,
                InteractionService.SOURCE, TimelineEntry.References.NONE);
    }

    static ConsentChannel channel(String name) {
        try {
            return ConsentChannel.of(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("channel", e.getMessage());
        }
    }
}
