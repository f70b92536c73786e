package crm.contacts.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.domain.Company;
import crm.contacts.domain.CompanyDetails;
import crm.contacts.events.CompanyEvents;
import crm.contacts.repository.CompanyRepository;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
public class CompanyService {

    static final String CREATE_OPERATION = "POST /api/v1/companies";

    private final TenantScope scope;
    private final CompanyRepository companies;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;

    public CompanyService(TenantScope scope, CompanyRepository companies, Outbox outbox, CurrentTenant currentTenant,
                          IdempotentRequests idempotency, PatchedRequest patches) {
        this.scope = scope;
        this.companies = companies;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
        this.patches = patches;
    }

    /** Stores the company and its {@code crm.company.created.v1} event in one transaction, once per idempotency key. */
    public Uni<StoredResponse> createCompany(@Valid @NotNull NewCompany request, IdempotencyKey key,
                                             Function<Company, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        CompanyDetails details = toDetails(request, ContactService.unitFor(context, request.unitId()));
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> requireParent(tx, null, details.parentCompanyId())
                        .flatMap(ignored -> companies.insert(tx, UUID.randomUUID(), details, context.subject()))
                        .call(saved -> outbox.append(tx, CompanyEvents.created(context, saved)))
                        .map(respond)));
    }

    public Uni<Company> findCompany(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> companies.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<Page<Company>> listCompanies(OffsetDateTime updatedSince, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> companies.list(tx, updatedSince, page))
                .map(rows -> Page.of(rows, page, c -> new Cursor(c.updatedAt().toString(), c.id().toString())));
    }

    public Uni<Company> replaceCompany(UUID id, ExpectedVersion expected, @Valid @NotNull NewCompany request) {
        return update(id, expected, current -> request);
    }

    public Uni<Company> patchCompany(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        return update(id, expected, current -> patches.apply(toRequest(current.details()), patch, NewCompany.class));
    }

    private Uni<Company> update(UUID id, ExpectedVersion expected, Function<Company, NewCompany> requestFor) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> companies.findById(tx, id).flatMap(found -> {
            Company current = found.orElseThrow(() -> notFound(id));
            expected.check("Company " + id, current.version());
            NewCompany request = requestFor.apply(current);
            CompanyDetails next = toDetails(request, ContactService.unitFor(context, request.unitId()));
            List<String> changed = Changes.between(current.details(), next);
            if (changed.isEmpty()) {
                return Uni.createFrom().item(current);
            }
            Uni<Void> parent = changed.contains("parentCompanyId") ? requireParent(tx, id, next.parentCompanyId())
                    : Uni.createFrom().voidItem();
            return parent.flatMap(ignored -> companies.update(tx, id, current.version(), next))
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Company " + id)))
                    .call(updated -> outbox.append(tx, CompanyEvents.updated(context, updated, changed)));
        }));
    }

    /** The parent must be a company the caller can see, and must not be the company itself or a descendant. */
    private Uni<Void> requireParent(SqlConnection tx, UUID companyId, UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        if (Objects.equals(companyId, parentId)) {
            throw ProblemException.badRequest("parentCompanyId", "a company cannot be its own parent");
        }
        return companies.findById(tx, parentId).flatMap(parent -> {
            if (parent.isEmpty()) {
                throw ProblemException.badRequest("parentCompanyId", "no such company");
            }
            return companyId == null ? Uni.createFrom().item(false) : companies.wouldCloseCycle(tx, companyId, parentId);
        }).map(cycle -> {
            if (cycle) {
                throw ProblemException.badRequest("parentCompanyId",
                        "would make the company an ancestor of itself; companies form a tree");
            }
            return null;
        });
    }

    private static CompanyDetails toDetails(NewCompany r, String unitId) {
        return new CompanyDetails(r.name().strip(),
                r.domain() == null || r.domain().isBlank() ? null : r.domain().strip().toLowerCase(Locale.ROOT),
                r.industry() == null || r.industry().isBlank() ? null : r.industry().strip(), r.size(),
                ContactDetailsMapper.address("address", r.address()), r.parentCompanyId(), unitId);
    }

    private static NewCompany toRequest(CompanyDetails d) {
        return new NewCompany(d.name(), d.domain(), d.industry(), d.size(), d.address(), d.parentCompanyId(),
                d.unitId());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Company " + id);
    }
}
