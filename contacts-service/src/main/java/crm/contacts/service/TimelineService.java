package crm.contacts.service;

import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.contacts.repository.ContactReferences;
import crm.contacts.repository.KeysetPosition;
import crm.contacts.repository.TimelineRepository;
import crm.platform.db.TenantScope;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading the history of a contact or company: newest first, keyset paged, optionally only some kinds. */
@ApplicationScoped
public class TimelineService {

    /** The one order of a timeline; cursors carry it so that a cursor of another list is refused. */
    static final String SORT = "-occurredAt";

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ContactReferences references;
    private final TimelineRepository timeline;

    public TimelineService(TenantScope scope, CurrentTenant currentTenant, ContactReferences references,
                           TimelineRepository timeline) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.references = references;
        this.timeline = timeline;
    }

    public Uni<Page<TimelineEntry>> ofContact(UUID contactId, List<String> kinds, PageRequest page) {
        List<TimelineKind> wanted = kinds(kinds);
        page.requireSort(SORT, SORT);
        return scope.inTransaction(currentTenant.get(), tx -> references.contact(tx, contactId).flatMap(contact -> {
            if (contact.isEmpty()) {
                throw ProblemException.notFound("Contact " + contactId);
            }
            return timeline.pageOfContact(tx, contact.get().id(), wanted, page);
        })).map(rows -> toPage(rows, page));
    }

    public Uni<Page<TimelineEntry>> ofCompany(UUID companyId, List<String> kinds, PageRequest page) {
        List<TimelineKind> wanted = kinds(kinds);
        page.requireSort(SORT, SORT);
        return scope.inTransaction(currentTenant.get(), tx -> references.company(tx, companyId).flatMap(company -> {
            if (company.isEmpty()) {
                throw ProblemException.notFound("Company " + companyId);
            }
            return timeline.pageOfCompany(tx, companyId, wanted, page);
        })).map(rows -> toPage(rows, page));
    }

    private static Page<TimelineEntry> toPage(List<TimelineEntry> rows, PageRequest page) {
        return Page.of(rows, page, e -> KeysetPosition.cursor(SORT, e.occurredAt(), e.id()));
    }

    static List<TimelineKind> kinds(List<String> requested) {
        List<TimelineKind> kinds = new ArrayList<>();
        if (requested == null) {
            return kinds;
        }
        if (requested.size() > TimelineKind.values().length) {
            throw ProblemException.badRequest("kind", "name at most " + TimelineKind.values().length + " kinds");
        }
        for (String value : requested) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(TimelineKind.of(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("kind", e.getMessage());
                }
            }
        }
        return kinds;
    }
}
