package crm.contacts.service;

import crm.contacts.repository.ContactReferences;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Resolves the contact and/or company a record (interaction, task) is about. Both must be visible to the
 * caller; an id of another tenant or unit is simply unknown (400 naming the field, as for a contact's
 * companyId). The record lives in the unit of its contact, else of its company.
 */
@ApplicationScoped
public class RecordOwner {

    /**
     * The resolved owner: the contact (a merged contact's survivor) and company ids, and the unit the record
     * belongs to (null when neither is given).
     */
    public record Owner(UUID contactId, UUID companyId, String unitId, boolean known) {
    }

    private final ContactReferences references;

    public RecordOwner(ContactReferences references) {
        this.references = references;
    }

    public Uni<Owner> resolve(SqlConnection tx, UUID contactId, UUID companyId) {
        return references.contact(tx, contactId).flatMap(contact -> {
            if (contactId != null && contact.isEmpty()) {
                throw ProblemException.badRequest("contactId", "no such contact");
            }
            return references.company(tx, companyId).map(company -> {
                if (companyId != null && company.isEmpty()) {
                    throw ProblemException.badRequest("companyId", "no such company");
                }
                String unit = contact.map(ContactReferences.ContactRef::unitId)
                        .orElse(company.map(ContactReferences.CompanyRef::unitId).orElse(null));
                return new Owner(contact.map(ContactReferences.ContactRef::id).orElse(null), companyId, unit,
                        contactId != null || companyId != null);
            });
        });
    }
}
