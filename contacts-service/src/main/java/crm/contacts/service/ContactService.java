package crm.contacts.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.config.ContactsConfig;
import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.CustomField;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumberNormaliser;
import crm.contacts.domain.Tags;
import crm.contacts.events.ContactEvents;
import crm.contacts.repository.CompanyRepository;
import crm.contacts.repository.ContactQuery;
import crm.contacts.repository.ContactRepository;
import crm.contacts.repository.ContactSort;
import crm.contacts.repository.CustomFieldRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

@ApplicationScoped
public class ContactService {

    static final String CREATE_OPERATION = "POST /api/v1/contacts";
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ()./-]*[0-9][0-9 ()./-]*[0-9][0-9 ()./-]*[0-9][0-9 ()./-]*");
    private static final int MIN_TERM = 2;
    private static final int MAX_TERM = 200;
    /** Custom field filters per search; each is one more containment condition. */
    private static final int MAX_CUSTOM_FIELD_FILTERS = 10;

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final CustomFieldRepository customFields;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;
    private final ContactsConfig config;

    public ContactService(TenantScope scope, ContactRepository contacts, CompanyRepository companies,
                          CustomFieldRepository customFields, Outbox outbox, CurrentTenant currentTenant,
                          IdempotentRequests idempotency, PatchedRequest patches, ContactsConfig config) {
        this.scope = scope;
        this.contacts = contacts;
        this.companies = companies;
        this.customFields = customFields;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
        this.patches = patches;
        this.config = config;
    }

    /**
     * Creates a contact without looking for duplicates (as before duplicate detection existed); the API
     * uses {@link #createContact(NewContact, IdempotencyKey, boolean, Function)}.
     */
    public Uni<StoredResponse> createContact(@Valid @NotNull NewContact request, IdempotencyKey key,
                                             Function<Contact, StoredResponse> respond) {
        return createContact(request, key, true, respond);
    }

    /**
     * Stores the contact and its {@code crm.contact.created.v1} event in one transaction; with an
     * idempotency key, a repeat of the same request gets the first answer instead of a second contact.
     * Unless {@code force}, a likely duplicate of a contact the caller can see is refused with
     * {@link LikelyDuplicateException}. {@code respond} renders the answer so that it can be stored with
     * the key in the same transaction.
     */
    public Uni<StoredResponse> createContact(@Valid @NotNull NewContact request, IdempotencyKey key, boolean force,
                                             Function<Contact, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        String unit = unitFor(context, request.unitId());
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> create(tx, context, request, unit, true, !force).map(respond)));
    }

    /**
     * Creates a contact inside the caller's transaction and scope, for work the system does on its own
     * (e.g. an event consumer converting a lead): no duplicate check, and required custom fields are not
     * demanded, since no person could fill them in; values that are given are still checked.
     */
    public Uni<Contact> createContact(SqlConnection tx, TenantContext context, @Valid @NotNull NewContact request) {
        return Uni.createFrom().deferred(() -> create(tx, context, request, unitFor(context, request.unitId()), false,
                false));
    }

    private Uni<Contact> create(SqlConnection tx, TenantContext context, NewContact request, String unit,
                                boolean enforceRequired, boolean refuseDuplicates) {
        // Deferred, so that a refused request is a failed Uni for every caller, not an exception thrown at it.
        return Uni.createFrom().deferred(() -> insertChecked(tx, context, request, unit, enforceRequired,
                refuseDuplicates));
    }

    private Uni<Contact> insertChecked(SqlConnection tx, TenantContext context, NewContact request, String unit,
                                       boolean enforceRequired, boolean refuseDuplicates) {
        ContactDetails base = ContactDetailsMapper.toDetails(request, unit, Map.of());
        return customFields.all(tx).flatMap(definitions -> {
            ContactDetails details = base.withCustomFields(
                    CustomFieldRules.check(definitions, request.customFields(), Map.of(), enforceRequired).orThrow());
            Uni<Void> duplicates = refuseDuplicates ? refuseDuplicates(tx, details) : Uni.createFrom().voidItem();
            return duplicates.flatMap(ignored -> requireCompany(tx, details.companyId()))
                    .flatMap(ignored -> contacts.insert(tx, UUID.randomUUID(), details, context.subject()))
                    .call(saved -> outbox.append(tx, ContactEvents.created(context, saved)));
        });
    }

    private Uni<Void> refuseDuplicates(SqlConnection tx, ContactDetails details) {
        return contacts.findLikelyDuplicates(tx, details, config.duplicates().maxCandidates()).map(candidates -> {
            if (!candidates.isEmpty()) {
                throw new LikelyDuplicateException(candidates);
            }
            return null;
        });
    }

    /** A live contact; {@link ContactMergedException} for a merged one, 404 for one the caller cannot see. */
    public Uni<Contact> findContact(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> findLive(tx, id));
    }

    private Uni<Contact> findLive(SqlConnection tx, UUID id) {
        return contacts.findById(tx, id).flatMap(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                : contacts.findMergedInto(tx, id).map(survivor -> {
                    throw survivor.<RuntimeException>map(s -> new ContactMergedException(id, s)).orElseGet(() -> notFound(id));
                }));
    }

    /** Lists or searches contacts; every sort pages by keyset, and a cursor only fits the sort it came from. */
    public Uni<Page<Contact>> searchContacts(ContactSearchParams params, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> query(tx, params)
                .flatMap(query -> search(tx, query, page)));
    }

    /**
     * The checked query of the given parameters, for callers that page through it themselves (the CSV
     * export); 400 naming the parameter that is wrong.
     */
    public Uni<ContactQuery> prepareQuery(ContactSearchParams params) {
        return scope.inTransaction(currentTenant.get(), tx -> query(tx, params));
    }

    /** One page of a prepared query. */
    public Uni<Page<Contact>> searchContacts(ContactQuery query, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> search(tx, query, page));
    }

    private Uni<ContactQuery> query(SqlConnection tx, ContactSearchParams params) {
        Uni<Map<String, CustomField>> definitions = params.customFields().isEmpty()
                ? Uni.createFrom().item(Map.of()) : customFields.all(tx);
        return definitions.map(d -> toQuery(params, d));
    }

    private Uni<Page<Contact>> search(SqlConnection tx, ContactQuery query, PageRequest page) {
        page.requireSort(query.sort().apiName(), ContactSort.DEFAULT.apiName());
        return contacts.search(tx, query, page).map(rows -> toPage(rows, page, query.sort()));
    }

    /** The contacts of a company the caller can see: 404 for a company of another tenant or unit. */
    public Uni<Page<Contact>> listContactsOfCompany(UUID companyId, PageRequest page) {
        page.requireSort(ContactSort.DEFAULT.apiName(), ContactSort.DEFAULT.apiName());
        ContactQuery query = ContactQuery.byCompany(companyId);
        return scope.inTransaction(currentTenant.get(), tx -> companies.findById(tx, companyId)
                        .flatMap(company -> {
                            if (company.isEmpty()) {
                                throw ProblemException.notFound("Company " + companyId);
                            }
                            return contacts.search(tx, query, page);
                        }))
                .map(rows -> toPage(rows, page, query.sort()));
    }

    /** PUT: replaces every settable field; the version check makes a concurrent change fail with 412. */
    public Uni<Contact> replaceContact(UUID id, ExpectedVersion expected, @Valid @NotNull NewContact request) {
        return update(id, expected, current -> request);
    }

    /** PATCH: a JSON merge patch on the settable fields, validated as a whole like a PUT. */
    public Uni<Contact> patchContact(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        return update(id, expected, current -> patches.apply(ContactDetailsMapper.toRequest(current.details()), patch,
                NewContact.class));
    }

    private Uni<Contact> update(UUID id, ExpectedVersion expected, Function<Contact, NewContact> requestFor) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> findLive(tx, id).flatMap(current -> {
            expected.check("Contact " + id, current.version());
            NewContact request = requestFor.apply(current);
            ContactDetails base = ContactDetailsMapper.toDetails(request, unitFor(context, request.unitId()), Map.of());
            return customFields.all(tx).flatMap(definitions -> {
                ContactDetails next = base.withCustomFields(CustomFieldRules.check(definitions,
                        request.customFields(), current.details().customFields(), true).orThrow());
                List<String> changed = Changes.between(current.details(), next);
                if (changed.isEmpty()) {
                    return Uni.createFrom().item(current);
                }
                Uni<Void> company = changed.contains("companyId") ? requireCompany(tx, next.companyId())
                        : Uni.createFrom().voidItem();
                return company.flatMap(ignored -> contacts.update(tx, id, current.version(), next))
                        .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Contact " + id)))
                        .call(updated -> outbox.append(tx, ContactEvents.updated(context, current, updated, changed)));
            });
        }));
    }

    /** A contact may only point at a company the caller can see; another tenant's id is simply unknown. */
    private Uni<Void> requireCompany(SqlConnection tx, UUID companyId) {
        if (companyId == null) {
            return Uni.createFrom().voidItem();
        }
        return companies.findById(tx, companyId).map(company -> {
            if (company.isEmpty()) {
                throw ProblemException.badRequest("companyId", "no such company");
            }
            return null;
        });
    }

    private static Page<Contact> toPage(List<ContactRepository.Found> rows, PageRequest page, ContactSort sort) {
        Page<ContactRepository.Found> found = Page.of(rows, page,
                f -> new Cursor(sort.apiName(), f.sortValue(), f.contact().id().toString()));
        return new Page<>(found.items().stream().map(ContactRepository.Found::contact).toList(), found.nextCursor());
    }

    static ContactQuery toQuery(ContactSearchParams p, Map<String, CustomField> definitions) {
        String term = p.q() == null ? null : searchTerm(p.q());
        List<String> stages = new ArrayList<>();
        for (String stage : p.stage() == null ? List.<String>of() : p.stage()) {
            try {
                stages.add(LifecycleStage.of(stage).value());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("stage", "must be prospect, customer or former_customer");
            }
        }
        List<String> tags = new ArrayList<>();
        for (String tag : p.tag() == null ? List.<String>of() : p.tag()) {
            try {
                tags.add(Tags.normalise(tag));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("tag", e.getMessage());
            }
        }
        return new ContactQuery(term, stages, tags, blankToNull(p.ownerId()), blankToNull(p.unitId()), null,
                instant("createdFrom", p.createdFrom()), instant("createdTo", p.createdTo()),
                instant("updatedSince", p.updatedSince()), customFieldFilters(p.customFields(), definitions),
                ContactSort.parse(p.sort(), term != null));
    }

    /** {@code cf.<key>=value}: the value in its field's canonical form, so that it compares like stored ones. */
    private static Map<String, Object> customFieldFilters(Map<String, String> filters, Map<String, CustomField> definitions) {
        if (filters.size() > MAX_CUSTOM_FIELD_FILTERS) {
            throw ProblemException.badRequest("cf", "at most " + MAX_CUSTOM_FIELD_FILTERS
                    + " custom field filters are allowed");
        }
        Map<String, Object> values = new TreeMap<>();
        filters.forEach((key, value) -> {
            CustomField definition = definitions.get(key);
            if (definition == null) {
                throw ProblemException.badRequest("cf." + key, "is not a custom field of your tenant");
            }
            try {
                values.put(key, definition.canonical(value));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("cf." + key, e.getMessage());
            }
        });
        return values;
    }

    /**
     * The text a search looks for. Something that looks like a phone number is searched as the digits of
     * its E.164 form (so "040 123456" finds "+4940123456"); anything else as typed (folded in SQL).
     */
    static String searchTerm(String q) {
        String term = q.strip();
        if (term.length() < MIN_TERM || term.length() > MAX_TERM) {
            throw ProblemException.badRequest("q", "must be between " + MIN_TERM + " and " + MAX_TERM + " characters");
        }
        if (PHONE_LIKE.matcher(term).matches()) {
            try {
                return PhoneNumberNormaliser.normalise(term, "DE").substring(1);
            } catch (IllegalArgumentException e) {
                return term.replaceAll("[^0-9]", "");
            }
        }
        return term;
    }

    private static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO 8601 date-time with offset");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Contact " + id);
    }

    /** Franchisee staff work in their own unit only; HQ staff may place a contact in any unit or none. */
    static String unitFor(TenantContext context, String requestedUnit) {
        if (context.isBrandWide()) {
            return requestedUnit;
        }
        if (requestedUnit == null || requestedUnit.equals(context.unitId())) {
            return context.unitId();
        }
        throw ProblemException.forbidden("You can place records only in your own unit " + context.unitId());
    }
}
