package crm.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Company;
import crm.contacts.domain.CompanyDetails;
import crm.contacts.domain.CompanySize;
import crm.contacts.domain.PostalAddress;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for companies; like all repositories it never names the tenant (row-level security scopes it). */
@ApplicationScoped
public class CompanyRepository {

    private static final String COLUMNS = "id, unit_id, name, domain, industry, size, address, parent_company_id,"
            + " version, created_by, created_at, updated_at";

    private final ObjectMapper mapper;

    public CompanyRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Company> insert(SqlConnection tx, UUID id, CompanyDetails d, String createdBy) {
        return tx.preparedQuery("insert into company (id, unit_id, name, domain, industry, size, address,"
                        + " parent_company_id, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, d.unitId(), d.name(), d.domain(), d.industry(),
                        d.size() == null ? null : d.size().value(), json(d.address()), d.parentCompanyId(), createdBy}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Company>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from company where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Replaces the settable fields if the row still has {@code expectedVersion}; see ContactRepository#update. */
    public Uni<Optional<Company>> update(SqlConnection tx, UUID id, int expectedVersion, CompanyDetails d) {
        return tx.preparedQuery("update company set unit_id = $3, name = $4, domain = $5, industry = $6, size = $7,"
                        + " address = $8, parent_company_id = $9, version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, expectedVersion, d.unitId(), d.name(), d.domain(), d.industry(),
                        d.size() == null ? null : d.size().value(), json(d.address()), d.parentCompanyId()}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Whether {@code companyId} is {@code candidateParent} or one of its ancestors, i.e. whether making
     * candidateParent the parent would close a cycle. Hierarchy changes of a tenant are serialised by a
     * transaction-scoped advisory lock, so two concurrent re-parentings cannot together form a cycle.
     */
    public Uni<Boolean> wouldCloseCycle(SqlConnection tx, UUID companyId, UUID candidateParent) {
        return tx.query("select pg_advisory_xact_lock(hashtext('company-tree:' || crm_current_tenant()))").execute()
                .flatMap(ignored -> tx.preparedQuery("with recursive ancestors(id, parent_company_id) as ("
                                + " select id, parent_company_id from company where id = $2"
                                + " union select co.id, co.parent_company_id from company co"
                                + " join ancestors a on co.id = a.parent_company_id)"
                                + " select exists (select 1 from ancestors where id = $1)")
                        .execute(Tuple.of(companyId, candidateParent)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Keyset page ordered by (updated_at, id), like the contact list. */
    public Uni<List<Company>> list(SqlConnection tx, OffsetDateTime updatedSince, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from company where true");
        List<Object> args = new ArrayList<>();
        if (updatedSince != null) {
            args.add(updatedSince);
            sql.append(" and updated_at >= $").append(args.size());
        }
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(ContactRepository.parseId(page.after().id()));
            sql.append(" and (updated_at, id) > ($").append(args.size() - 1).append("::text::timestamptz, $")
                    .append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by updated_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> {
                    List<Company> companies = new ArrayList<>();
                    rows.forEach(row -> companies.add(map(row)));
                    return companies;
                });
    }

    private JsonObject json(PostalAddress address) {
        try {
            return address == null ? null : new JsonObject(mapper.writeValueAsString(address));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("company address cannot be stored", e);
        }
    }

    private Company map(Row row) {
        Object address = row.getValue("address");
        PostalAddress postal;
        try {
            postal = address == null ? null : mapper.readValue(address.toString(), PostalAddress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored company address cannot be read", e);
        }
        CompanyDetails details = new CompanyDetails(row.getString("name"), row.getString("domain"),
                row.getString("industry"), CompanySize.of(row.getString("size")), postal,
                row.getUUID("parent_company_id"), row.getString("unit_id"));
        return new Company(row.getUUID("id"), details, row.getInteger("version"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
