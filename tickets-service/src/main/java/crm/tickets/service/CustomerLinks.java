package crm.tickets.service;

import crm.platform.tenancy.TenantContext;
import crm.tickets.config.TicketsConfig;
import crm.tickets.domain.CustomerLink;
import crm.tickets.domain.CustomerTier;
import crm.tickets.repository.CustomerRefRepository;
import crm.tickets.repository.CustomerRefRepository.ContactRef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a ticket's contact and company against the local projection of contacts-service's events.
 *
 * <p>A contact the projection does not know is accepted and flagged {@code contactVerified=false}, not
 * refused: contacts-service and this service are only eventually consistent, and a customer calling right
 * after being entered (or an integration creating both at once) must not be turned away because an event
 * is a second late. The flag clears when the contact's event arrives. A contact of a unit the caller cannot
 * see is treated exactly like an unknown one, so the answer reveals nothing about other units. A merged
 * contact is replaced by its survivor.
 */
@ApplicationScoped
public class CustomerLinks {

    private final CustomerRefRepository refs;
    private final TicketsConfig config;

    public CustomerLinks(CustomerRefRepository refs, TicketsConfig config) {
        this.refs = refs;
        this.config = config;
    }

    public Uni<CustomerLink> resolve(SqlConnection tx, TenantContext context, UUID contactId, UUID companyId,
                                     String requesterEmail) {
        Uni<Optional<ContactRef>> contact = contactId == null ? Uni.createFrom().item(Optional.empty())
                : visibleContact(tx, context, contactId, 0);
        return contact.flatMap(ref -> {
            UUID effectiveContact = ref.map(ContactRef::contactId).orElse(contactId);
            UUID effectiveCompany = companyId != null ? companyId : ref.map(ContactRef::companyId).orElse(null);
            String tier = ref.map(ContactRef::tier).orElse(null);
            String email = requesterEmail != null ? requesterEmail : ref.map(ContactRef::email).orElse(null);
            return companyKnown(tx, context, effectiveCompany).map(companyVerified -> new CustomerLink(
                    effectiveContact, ref.isPresent(), effectiveCompany, companyVerified, email,
                    tier != null ? tier : config.defaultTier()));
        });
    }

    /** Follows merges to the survivor (a few hops at most); empty when unknown, erased or not visible. */
    private Uni<Optional<ContactRef>> visibleContact(SqlConnection tx, TenantContext context, UUID contactId, int hops) {
        return refs.findContact(tx, contactId).flatMap(found -> {
            if (found.isEmpty() || found.get().erased()) {
                return Uni.createFrom().item(Optional.<ContactRef>empty());
            }
            ContactRef ref = found.get();
            if (ref.mergedInto() != null && hops < 5) {
                return visibleContact(tx, context, ref.mergedInto(), hops + 1);
            }
            return Uni.createFrom().item(Units.visible(context, ref.unitId()) ? Optional.of(ref) : Optional.empty());
        });
    }

    private Uni<Boolean> companyKnown(SqlConnection tx, TenantContext context, UUID companyId) {
        if (companyId == null) {
            return Uni.createFrom().item(false);
        }
        return refs.findCompany(tx, companyId).map(found -> found.isPresent() && Units.visible(context, found.get().unitId()));
    }

    /** The tier a contact's tags name, or the default. */
    public String tierOf(java.util.List<String> tags) {
        String tier = CustomerTier.fromTags(tags);
        return tier != null ? tier : config.defaultTier();
    }
}
