package crm.contacts.service;

import crm.contacts.domain.CompanyDetails;
import crm.contacts.domain.CompanySize;
import crm.contacts.domain.PhoneNumberNormaliser;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.contacts.events.CompanyEvents;
import crm.contacts.events.LeadLinkEvents;
import crm.contacts.repository.CompanyRepository;
import crm.contacts.repository.ContactReferences;
import crm.contacts.repository.ContactReferences.ContactRef;
import crm.contacts.repository.TimelineRepository;
import crm.platform.events.CloudEvent;
import crm.platform.events.Outbox;
import crm.platform.inbox.UnreadableEventException;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Answers {@code crm.lead.converted.v1}: the converted lead's person becomes (or is found as) a contact.
 * The contact named by the event wins; else a live contact with the person's primary e-mail; else a new
 * contact in the lead's unit, with its company found by domain or created. The link is published as
 * {@code crm.contact.lead-linked.v1} and the conversion put on the contact's timeline, in the inbox's
 * transaction, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class LeadConversion {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern UNIT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final ContactService contacts;
    private final CompanyRepository companies;
    private final ContactReferences references;
    private final TimelineRepository timeline;
    private final Outbox outbox;
    private final Validator validator;

    public LeadConversion(ContactService contacts, CompanyRepository companies, ContactReferences references,
                          TimelineRepository timeline, Outbox outbox, Validator validator) {
        this.contacts = contacts;
        this.companies = companies;
        this.references = references;
        this.timeline = timeline;
        this.outbox = outbox;
        this.validator = validator;
    }

    /** A contact the conversion links to, and whether the conversion created it. */
    record Linked(ContactRef contact, boolean created) {
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event, TenantContext context) {
        EventData data = new EventData(event.data());
        UUID leadId = data.uuid("leadId");
        if (leadId == null) {
            throw new UnreadableEventException(event.type() + " " + event.id() + " names no leadId");
        }
        String unit = event.unitid() != null && UNIT.matcher(event.unitid()).matches() ? event.unitid() : null;
        return findOrCreate(tx, context, data, unit)
                .call(linked -> outbox.append(tx, LeadLinkEvents.linked(context, linked.contact().unitId(),
                        linked.contact().id(), leadId, linked.contact().companyId(), linked.created())))
                .call(linked -> timeline.insert(tx, entry(event, data, leadId, linked), event.id()))
                .replaceWithVoid();
    }

    private Uni<Linked> findOrCreate(SqlConnection tx, TenantContext context, EventData data, String unit) {
        EventData person = data.object("person");
        String email = person.text("email") == null ? null : person.text("email").toLowerCase(Locale.ROOT);
        return references.contact(tx, data.uuid("contactId"))
                .flatMap(named -> named.isPresent() || email == null ? Uni.createFrom().item(named)
                        : references.contactByEmail(tx, email))
                .flatMap(found -> found.isPresent() ? Uni.createFrom().item(new Linked(found.get(), false))
                        : company(tx, context, data.object("company"), unit)
                                .flatMap(companyId -> create(tx, context, data, person, email, unit, companyId)));
    }

    /** The company of a new contact: an existing one with the same domain, else a new one; none without a name. */
    private Uni<UUID> company(SqlConnection tx, TenantContext context, EventData company, String unit) {
        String name = company.text("name", 200);
        String domain = company.text("domain") == null ? null : company.text("domain").toLowerCase(Locale.ROOT);
        if (domain != null && (domain.length() > 253 || !DOMAIN.matcher(domain).matches())) {
            domain = null;
        }
        String validDomain = domain;
        Uni<Optional<ContactReferences.CompanyRef>> existing = validDomain == null
                ? Uni.createFrom().item(Optional.empty()) : references.companyByDomain(tx, validDomain);
        return existing.flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(found.get().id());
            }
            if (name == null) {
                return Uni.createFrom().nullItem();
            }
            CompanyDetails details = new CompanyDetails(name, validDomain, null, size(company.text("size")), null, null,
                    unit);
            return companies.insert(tx, UUID.randomUUID(), details, context.subject())
                    .call(saved -> outbox.append(tx, CompanyEvents.created(context, saved)))
                    .map(saved -> saved.id());
        });
    }

    private Uni<Linked> create(SqlConnection tx, TenantContext context, EventData data, EventData person, String email,
                               String unit, UUID companyId) {
        NewContact full = newContact(data, person, email, unit, companyId, true);
        // A phone number or address the lead form let through but the contact rules refuse must not lose the
        // conversion: the contact is then created without them.
        NewContact request = validator.validate(full).isEmpty() && phoneIsValid(full) ? full
                : newContact(data, person, validator.validateProperty(full, "email").isEmpty() ? email : null, unit,
                        companyId, false);
        if (!validator.validate(request).isEmpty()) {
            throw new UnreadableEventException("the converted lead's person cannot become a contact"
                    + " (first and last name are required)");
        }
        return contacts.createContact(tx, context, request)
                .map(saved -> new Linked(new ContactRef(saved.id(), saved.unitId(), saved.details().companyId()), true));
    }

    private static NewContact newContact(EventData data, EventData person, String email, String unit, UUID companyId,
                                         boolean withPhoneAndAddress) {
        String country = data.text("countryCode") == null ? null : data.text("countryCode").toUpperCase(Locale.ROOT);
        List<PostalAddress> addresses = withPhoneAndAddress && country != null && COUNTRIES.contains(country)
                ? List.of(new PostalAddress(null, data.text("postalCode", 20), data.text("city", 100), country))
                : List.of();
        String channel = data.text("channel", 60);
        return new NewContact(salutation(person.text("salutation")), null, person.text("firstName", 100),
                person.text("lastName", 100), email, withPhoneAndAddress ? person.text("phone", 40) : null, null, null,
                addresses, companyId, null, data.text("ownerId", 200), unit, null,
                channel == null ? "lead conversion" : "lead conversion (" + channel + ")");
    }

    private static boolean phoneIsValid(NewContact c) {
        if (c.phone() == null) {
            return true;
        }
        String country = c.addresses().isEmpty() ? "DE" : c.addresses().get(0).country();
        try {
            PhoneNumberNormaliser.normalise(c.phone(), country);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Salutation salutation(String value) {
        try {
            return Salutation.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CompanySize size(String value) {
        try {
            return CompanySize.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static TimelineEntry entry(CloudEvent event, EventData data, UUID leadId, Linked linked) {
        OffsetDateTime at = data.time("convertedAt");
        if (at == null) {
            at = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        }
        String channel = data.text("channel", 60);
        String summary = "Lead converted" + (channel == null ? "" : " (" + channel + ")")
                + (linked.created() ? "; contact created" : "; linked to this contact");
        return new TimelineEntry(UUID.randomUUID(), linked.contact().unitId(), linked.contact().id(), null,
                TimelineKind.LEAD_CONVERTED, at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                data.text("ownerId", 200), summary, linked.created() ? "contact created" : "contact linked", null,
                "leads-service", new TimelineEntry.References(null, null, null, leadId, data.uuid("opportunityId"),
                        null));
    }
}
