package crm.contacts.service;

import crm.contacts.config.ContactsConfig;
import crm.contacts.domain.CustomField;
import crm.contacts.repository.ContactQuery;
import crm.contacts.repository.ContactRepository;
import crm.contacts.repository.CustomFieldRepository;
import crm.platform.db.TenantScope;
import crm.platform.paging.Cursor;
import crm.platform.paging.PageRequest;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CSV export: the contacts a search with the same parameters finds, in its order, streamed page by
 * page (keyset), so an export of any size needs the memory of one page. Each page is read in its own
 * transaction; a contact changed while the export runs may appear at its new place in the order.
 */
@ApplicationScoped
public class ContactExportService {

    private final TenantScope scope;
    private final ContactService contactService;
    private final ContactRepository contacts;
    private final CustomFieldRepository customFields;
    private final CurrentTenant currentTenant;
    private final ContactsConfig config;

    public ContactExportService(TenantScope scope, ContactService contactService, ContactRepository contacts,
                                CustomFieldRepository customFields, CurrentTenant currentTenant, ContactsConfig config) {
        this.scope = scope;
        this.contactService = contactService;
        this.contacts = contacts;
        this.customFields = customFields;
        this.currentTenant = currentTenant;
        this.config = config;
    }

    /**
     * Checks the parameters now (400 before anything is sent) and answers the writer of the CSV (blocking;
     * it reads page after page while it writes).
     */
    public StreamingOutput export(ContactSearchParams params) {
        TenantContext context = currentTenant.get();
        ContactQuery query = contactService.prepareQuery(params).await().indefinitely();
        Map<String, CustomField> definitions = scope.inTransaction(context, tx -> customFields.all(tx))
                .await().indefinitely();
        List<String> keys = new ArrayList<>(definitions.keySet());
        int pageSize = Math.min(config.export().pageSize(), PageRequest.MAX_LIMIT);
        return output -> {
            try (ContactCsvWriter csv = new ContactCsvWriter(output, keys)) {
                Cursor after = null;
                do {
                    PageRequest page = new PageRequest(pageSize, after);
                    List<ContactRepository.Found> rows = scope.inTransaction(context,
                            tx -> contacts.search(tx, query, page)).await().indefinitely();
                    for (ContactRepository.Found row : rows.subList(0, Math.min(rows.size(), pageSize))) {
                        csv.write(row.contact());
                    }
                    csv.flush();
                    after = rows.size() > pageSize ? new Cursor(query.sort().apiName(),
                            rows.get(pageSize - 1).sortValue(), rows.get(pageSize - 1).contact().id().toString()) : null;
                } while (after != null);
            }
        };
    }
}
