package crm.leads.rest;

import crm.leads.domain.Channel;
import crm.leads.domain.CompanySize;
import crm.leads.domain.Consent;
import crm.leads.domain.Lead;
import crm.leads.domain.LeadQueue;
import crm.leads.domain.LeadStatus;
import crm.leads.domain.Salutation;
import crm.leads.domain.Score;
import crm.leads.domain.SlaTrack;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A lead as the API shows it, with its score explanation and the state of its speed-to-lead clock. */
public record LeadView(UUID id, String unitId, LeadStatus status, Salutation salutation, String firstName,
                       String lastName, String email, String phone, String companyName, String companyDomain,
                       CompanySize companySize, String postalCode, String city, String countryCode,
                       List<String> productsOfInterest, Channel channel, UUID campaignId, String formKey,
                       String sourceDetails, String message, Consent consent, String ownerId, LeadQueue queue,
                       String routingReason, String territoryId, int score, List<Score.Line> scoreExplanation,
                       UUID contactId, boolean upsell, int formFills, Sla sla, String statusReason,
                       LocalDate nurtureUntil, OffsetDateTime convertedAt, UUID opportunityId,
                       OffsetDateTime capturedAt, OffsetDateTime anonymisedAt, int version, String createdBy,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The speed-to-lead clock: target minutes, warning and due times, breach and first contact. */
    public record Sla(SlaTrack.State state, Integer minutes, OffsetDateTime warnAt, OffsetDateTime dueAt,
                      OffsetDateTime breachedAt, OffsetDateTime firstContactAt) {
    }

    static LeadView of(Lead l) {
        var d = l.details();
        SlaTrack s = l.sla();
        return new LeadView(l.id(), l.unitId(), l.status(), d.salutation(), d.firstName(), d.lastName(), d.email(),
                d.phone(), d.companyName(), d.companyDomain(), d.companySize(), d.postalCode(), d.city(),
                d.countryCode(), d.productsOfInterest(), l.channel(), d.campaignId(), l.formKey(), d.sourceDetails(),
                d.message(), l.consent(), l.ownerId(), l.queue(), l.routingReason(), l.territoryId(),
                l.score().points(), l.score().explanation(), l.contactId(), l.upsell(), l.formFills(),
                new Sla(s.state(l.status(), OffsetDateTime.now(ZoneOffset.UTC)), s.minutes(), s.warnAt(), s.dueAt(),
                        s.breachedAt(), s.firstContactAt()),
                l.statusReason(), l.nurtureUntil(), l.convertedAt(), l.opportunityId(), l.capturedAt(),
                l.anonymisedAt(), l.version(), l.createdBy(), l.createdAt(), l.updatedAt());
    }
}
