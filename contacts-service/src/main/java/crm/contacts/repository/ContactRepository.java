package crm.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for contacts. No statement names the tenant: the connection comes from TenantScope, and
 * row-level security scopes every read and write to the caller's tenant and unit.
 */
@ApplicationScoped
public class ContactRepository {

    private static final String COLUMNS = "id, unit_id, salutation, academic_title, first_name, last_name, emails,"
            + " phones, addresses, company_id, lifecycle_stage, owner_id, tags, source, version, created_by,"
            + " created_at, updated_at";
    private static final String C_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");
    private static final String SETTABLE = "unit_id, salutation, academic_title, first_name, last_name, email, phone,"
            + " emails, phones, addresses, company_id, lifecycle_stage, owner_id, tags, source";
    /** Word similarity a fuzzy match needs; 0.4 admits one wrong or missing letter in a 6-letter name. */
    private static final String FUZZY_THRESHOLD = "0.4";

    /** A row of a search and the text form of its sort key, which the next page's cursor carries. */
    public record Found(Contact contact, String sortValue) {
    }

    private final ObjectMapper mapper;

    public ContactRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Contact> insert(SqlConnection tx, UUID id, ContactDetails d, String createdBy) {
        List<Object> args = new ArrayList<>(settable(d));
        args.add(0, id);
        args.add(createdBy);
        return tx.preparedQuery("insert into contact (id, " + SETTABLE + ", created_by) values ("
                        + placeholders(1, args.size()) + ") returning " + COLUMNS)
                .execute(Tuple.from(args))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Contact>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from contact where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Replaces the settable fields if the row still has {@code expectedVersion}; empty when it does not
     * (someone else updated it first). The check is in the where clause, so two concurrent updates based
     * on the same version cannot both succeed: the second waits for the first's row lock and then no
     * longer matches.
     */
    public Uni<Optional<Contact>> update(SqlConnection tx, UUID id, int expectedVersion, ContactDetails d) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        args.add(expectedVersion);
        args.addAll(settable(d));
        String[] columns = SETTABLE.split(", ");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            set.append(columns[i]).append(" = $").append(i + 3).append(", ");
        }
        return tx.preparedQuery("update contact set " + set + "version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(args))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * One keyset page of a search. With a term, candidates come from two trigram-indexed sources, the
     * contact's own search_text and the name of its company, each matched fuzzily (word similarity,
     * which tolerates typos) or as a substring (partial e-mails and phone numbers); a contact's score is
     * its best match. Filters and the keyset position then apply to those candidates.
     */
    public Uni<List<Found>> search(SqlConnection tx, ContactQuery q, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (q.term() != null) {
            args.add(q.term());
            args.add(likePattern(q.term()));
            sql.append("with hits as (")
                    .append("select id, word_similarity(search_fold($1), search_text) as score from contact")
                    .append(" where search_fold($1) <% search_text or search_text like search_fold($2)")
                    .append(" union all")
                    .append(" select ct.id, word_similarity(search_fold($1), co.search_text) from company co")
                    .append(" join contact ct on ct.company_id = co.id")
                    .append(" where search_fold($1) <% co.search_text or co.search_text like search_fold($2)")
                    .append("), ranked as (select id, max(score)::real as score from hits group by id) ");
        }
        ContactSort sort = q.sort();
        sql.append("select ").append(C_COLUMNS).append(", ").append(sort.key().column).append("::text as sort_value")
                .append(" from contact c");
        if (q.term() != null) {
            sql.append(" join ranked r on r.id = c.id");
        }
        sql.append(" where true");
        if (!q.stages().isEmpty()) {
            args.add(q.stages().toArray(String[]::new));
            sql.append(" and c.lifecycle_stage = any($").append(args.size()).append(')');
        }
        if (!q.tags().isEmpty()) {
            args.add(q.tags().toArray(String[]::new));
            sql.append(" and c.tags @> $").append(args.size());
        }
        condition(sql, args, "c.owner_id = $", q.ownerId());
        condition(sql, args, "c.unit_id = $", q.unitId());
        condition(sql, args, "c.company_id = $", q.companyId());
        condition(sql, args, "c.created_at >= $", q.createdFrom());
        condition(sql, args, "c.created_at < $", q.createdTo());
        condition(sql, args, "c.updated_at >= $", q.updatedSince());
        String direction = sort.descending() ? " desc" : "";
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(parseId(page.after().id()));
            sql.append(" and (").append(sort.key().column).append(", c.id) ").append(sort.descending() ? '<' : '>')
                    .append(" ($").append(args.size() - 1).append("::text::").append(sort.key().sqlType)
                    .append(", $").append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by ").append(sort.key().column).append(direction).append(", c.id").append(direction)
                .append(" limit $").append(args.size());
        Uni<?> prepare = q.term() == null ? Uni.createFrom().voidItem()
                : tx.query("select set_config('pg_trgm.word_similarity_threshold', '" + FUZZY_THRESHOLD + "', true)")
                        .execute();
        return prepare.flatMap(ignored -> tx.preparedQuery(sql.toString()).execute(Tuple.from(args)))
                .map(rows -> {
                    List<Found> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new Found(map(row), row.getString("sort_value"))));
                    return found;
                });
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(clause).append(args.size());
        }
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw crm.platform.problem.ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    /** A LIKE pattern matching the term anywhere, with LIKE's own wildcards in the term taken literally. */
    private static String likePattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<Object> settable(ContactDetails d) {
        return new ArrayList<>(Arrays.asList(d.unitId(), d.salutation() == null ? null : d.salutation().value(),
                d.academicTitle(), d.firstName(), d.lastName(), d.primaryEmail(), d.primaryPhone(), json(d.emails()),
                json(d.phones()), json(d.addresses()), d.companyId(), d.lifecycleStage().value(), d.ownerId(),
                d.tags().toArray(String[]::new), d.source()));
    }

    private static String placeholders(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append(i == from ? "" : ", ").append('$').append(i);
        }
        return s.toString();
    }

    private JsonArray json(List<?> items) {
        try {
            return new JsonArray(mapper.writeValueAsString(items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact details cannot be stored", e);
        }
    }

    private <T> List<T> list(Row row, String column, TypeReference<List<T>> type) {
        Object value = row.getValue(column);
        try {
            return value == null ? List.of() : mapper.readValue(value.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + column + " cannot be read", e);
        }
    }

    private Contact map(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        ContactDetails details = new ContactDetails(Salutation.of(row.getString("salutation")),
                row.getString("academic_title"), row.getString("first_name"), row.getString("last_name"),
                list(row, "emails", new TypeReference<List<EmailAddress>>() { }),
                list(row, "phones", new TypeReference<List<PhoneNumber>>() { }),
                list(row, "addresses", new TypeReference<List<PostalAddress>>() { }),
                row.getUUID("company_id"), LifecycleStage.of(row.getString("lifecycle_stage")),
                row.getString("owner_id"), row.getString("unit_id"), tags == null ? List.of() : List.of(tags),
                row.getString("source"));
        return new Contact(row.getUUID("id"), details, row.getInteger("version"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
