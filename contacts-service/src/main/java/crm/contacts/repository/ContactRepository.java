package crm.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.DuplicateCandidate;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * SQL for contacts. No statement names the tenant: the connection comes from TenantScope, and
 * row-level security scopes every read and write to the caller's tenant and unit.
 */
@ApplicationScoped
public class ContactRepository {

    static final String COLUMNS = "id, unit_id, salutation, academic_title, first_name, last_name, emails,"
            + " phones, addresses, company_id, lifecycle_stage, owner_id, tags, source, version, created_by,"
            + " created_at, updated_at, custom_fields, external_id";
    private static final String C_COLUMNS = "c." + COLUMNS.replace(", ", ", c.");
    private static final String SETTABLE = "unit_id, salutation, academic_title, first_name, last_name, email, phone,"
            + " emails, phones, addresses, company_id, lifecycle_stage, owner_id, tags, source, custom_fields, external_id";
    /** The unique index that keeps external ids unique per tenant. */
    static final String EXTERNAL_ID_INDEX = "contact_external_id";
    /** What the match keys of contact_match_keys() start with, by the API name of what they match on. */
    private static final Map<String, String> MATCH_KEY_KINDS = Map.of("e:", "email", "p:", "phone",
            "n:", "namePostalCode");
    /** Word similarity a fuzzy match needs; 0.4 admits one wrong or missing letter in a 6-letter name. */
    static final String FUZZY_THRESHOLD = "0.4";

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
                .onFailure(ContactRepository::isExternalIdTaken).transform(e -> externalIdTaken())
                .map(rows -> map(rows.iterator().next()));
    }

    /** A live contact; merged contacts (tombstones) are not found here, see {@link #findMergedInto}. */
    public Uni<Optional<Contact>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from contact where id = $1 and merged_into is null")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** The contact a merged contact (tombstone) now lives on; empty for live and unknown ids. */
    public Uni<Optional<UUID>> findMergedInto(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select merged_into from contact where id = $1 and merged_into is not null")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getUUID("merged_into")));
    }

    /**
     * Live contacts that {@code d} probably duplicates: one of its e-mail addresses or phone numbers, or
     * its first and last name together with one of its postal codes, or its external id, is theirs too.
     * The keys are computed by the same SQL function as the indexed column match_keys, so Java and SQL
     * cannot disagree on normalisation.
     */
    public Uni<List<DuplicateCandidate>> findLikelyDuplicates(SqlConnection tx, ContactDetails d, int limit) {
        return tx.preparedQuery("with probe as (select contact_match_keys($1, $2, $3, $4, $5) as keys)"
                        + " select c.id, c.first_name, c.last_name, c.external_id,"
                        + " array(select unnest(c.match_keys) intersect select unnest(p.keys)) as matched"
                        + " from contact c, probe p"
                        + " where c.merged_into is null and (c.match_keys && p.keys or c.external_id = $6)"
                        + " order by c.created_at, c.id limit $7")
                .execute(Tuple.from(new Object[] {d.firstName(), d.lastName(), json(d.emails()), json(d.phones()),
                        json(d.addresses()), d.externalId(), limit}))
                .map(rows -> {
                    List<DuplicateCandidate> candidates = new ArrayList<>();
                    rows.forEach(row -> candidates.add(candidate(row, d.externalId())));
                    return candidates;
                });
    }

    private static DuplicateCandidate candidate(Row row, String externalId) {
        Set<String> matchedOn = new TreeSet<>();
        String[] keys = row.getArrayOfStrings("matched");
        for (String key : keys == null ? new String[0] : keys) {
            matchedOn.add(MATCH_KEY_KINDS.getOrDefault(key.substring(0, 2), "other"));
        }
        if (externalId != null && externalId.equals(row.getString("external_id"))) {
            matchedOn.add("externalId");
        }
        return new DuplicateCandidate(row.getUUID("id"), row.getString("first_name"), row.getString("last_name"),
                new ArrayList<>(matchedOn));
    }

    /** A contact locked for a merge, and where it went if it is a tombstone already. */
    public record Locked(Contact contact, UUID mergedInto) {
    }

    /**
     * Locks the given contacts (live or merged) for the rest of the transaction, in id order so that two
     * merges over overlapping contacts cannot deadlock. Ids the caller cannot see are simply missing.
     */
    public Uni<Map<UUID, Locked>> lockForMerge(SqlConnection tx, List<UUID> ids) {
        return tx.preparedQuery("select " + COLUMNS + ", merged_into from contact where id = any($1)"
                        + " order by id for update")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Locked> locked = new HashMap<>();
                    rows.forEach(row -> locked.put(row.getUUID("id"), new Locked(map(row), row.getUUID("merged_into"))));
                    return locked;
                });
    }

    /**
     * Turns merged contacts into tombstones: they point at the survivor and keep no personal data (it
     * lives on in the survivor, where an erasure finds it), so only id, tenant, unit and timestamps remain.
     * Older tombstones that pointed at them are re-pointed, so a redirect is always a single hop.
     */
    public Uni<OffsetDateTime> markMerged(SqlConnection tx, UUID survivorId, List<UUID> mergedIds) {
        UUID[] merged = mergedIds.toArray(UUID[]::new);
        return tx.preparedQuery("update contact set merged_into = $1 where merged_into = any($2)")
                .execute(Tuple.of(survivorId, merged))
                .flatMap(ignored -> tx.preparedQuery("update contact set merged_into = $1, merged_at = now(),"
                                + " salutation = null, academic_title = null, first_name = '', last_name = '',"
                                + " email = null, phone = null, emails = '[]', phones = '[]', addresses = '[]',"
                                + " company_id = null, owner_id = null, tags = '{}', source = null,"
                                + " custom_fields = '{}', external_id = null, version = version + 1, updated_at = now()"
                                + " where id = any($2) and merged_into is null returning merged_at")
                        .execute(Tuple.of(survivorId, merged)))
                .map(rows -> rows.iterator().next().getOffsetDateTime("merged_at"));
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
                        + " where id = $1 and version = $2 and merged_into is null returning " + COLUMNS)
                .execute(Tuple.from(args))
                .onFailure(ContactRepository::isExternalIdTaken).transform(e -> externalIdTaken())
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * One keyset page of a search. With a term, candidates come from two trigram-indexed sources, the
     * contact's own search_text and the name of its company, each matched fuzzily (word similarity,
     * which tolerates typos) or as a substring (partial e-mails and phone numbers); a contact's score is
     * its best match. Filters and the keyset position then apply to those candidates.
     *
     * <p>In relevance order every literal match ranks above every merely similar record, so a page is
     * first sought among the literal matches alone: their index lookup needs all of the term's trigrams,
     * while the fuzzy one takes every record that shares a few, tens of thousands for a common name among
     * a million contacts. Only when the literal matches do not fill the page (a typo, a rare name, the
     * last pages) does the full fuzzy search run.
     */
    public Uni<List<Found>> search(SqlConnection tx, ContactQuery q, PageRequest page) {
        Uni<?> prepare = q.term() == null ? Uni.createFrom().voidItem()
                : tx.query("select set_config('pg_trgm.word_similarity_threshold', '" + FUZZY_THRESHOLD + "', true)")
                        .execute();
        if (q.term() == null || q.sort().key() != ContactSort.Key.RELEVANCE) {
            return prepare.flatMap(ignored -> run(tx, searchStatement(q, page, false)));
        }
        return prepare.flatMap(ignored -> run(tx, searchStatement(q, page, true)))
                .flatMap(literal -> fillsPageAboveSimilar(literal, page) ? Uni.createFrom().item(literal)
                        : run(tx, searchStatement(q, page, false)));
    }

    /**
     * Whether a page of literal matches is the page the full search would give: it is full, and even its
     * last row scores above 1, the most a record that is only similar can score (a literal match scores
     * its similarity plus 1; only a term without a single trigram of the record's words gets exactly 1).
     */
    private static boolean fillsPageAboveSimilar(List<Found> literal, PageRequest page) {
        return literal.size() == page.fetchSize()
                && Float.parseFloat(literal.get(literal.size() - 1).sortValue()) > 1;
    }

    private Uni<List<Found>> run(SqlConnection tx, Statement statement) {
        return tx.preparedQuery(statement.sql()).execute(Tuple.from(statement.args()))
                .map(rows -> {
                    List<Found> found = new ArrayList<>();
                    rows.forEach(row -> found.add(new Found(map(row), row.getString("sort_value"))));
                    return found;
                });
    }

    /** A statement with its positional arguments ($1, $2, ...). */
    record Statement(String sql, List<Object> args) {
    }

    /**
     * The statement of a search. Every condition is a plain column compared with a parameter, so that an
     * index can serve it; under row-level security that needs the operator's function to be LEAKPROOF
     * (see db/privileged/leakproof-search-operators.sql), otherwise PostgreSQL evaluates the condition
     * only after the policy, row by row.
     */
    Statement searchStatement(ContactQuery q, PageRequest page) {
        return searchStatement(q, page, false);
    }

    /** @param literalOnly only records that contain the term literally (see {@link #search}) */
    Statement searchStatement(ContactQuery q, PageRequest page, boolean literalOnly) {
        List<Object> args = new ArrayList<>();
        if (q.term() != null) {
            args.add(q.term());
            args.add(likePattern(q.term()));
        }
        String filters = filters(q, args);
        ContactSort sort = q.sort();
        if (q.term() != null && sort.key() == ContactSort.Key.RELEVANCE) {
            return bestMatches(page, literalOnly, filters, args);
        }
        StringBuilder sql = new StringBuilder();
        if (q.term() != null) {
            sql.append(hits(literalOnly, "c.merged_into is null")).append(' ');
        }
        sql.append("select ").append(C_COLUMNS).append(", ").append(sort.key().column).append("::text as sort_value")
                .append(" from contact c");
        if (q.term() != null) {
            sql.append(" join ranked r on r.id = c.id");
        }
        sql.append(" where ").append(filters);
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
        return new Statement(sql.toString(), args);
    }

    /**
     * A page in relevance order. The filters apply while the matches are collected, and the page is cut
     * from their ids and scores alone: only the contacts on it are read again in full.
     */
    private static Statement bestMatches(PageRequest page, boolean literalOnly, String filters, List<Object> args) {
        StringBuilder sql = new StringBuilder(hits(literalOnly, filters))
                .append(", page as (select id, score from ranked");
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(parseId(page.after().id()));
            sql.append(" where (score, id) < ($").append(args.size() - 1).append("::text::real, $")
                    .append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by score desc, id desc limit $").append(args.size()).append(") select ").append(C_COLUMNS)
                .append(", r.score::text as sort_value from contact c join page r on r.id = c.id")
                .append(" order by r.score desc, c.id desc");
        return new Statement(sql.toString(), args);
    }

    /**
     * The contacts matching the term ($1, and $2 as a LIKE pattern) that pass {@code filters}, with their
     * best score, as the CTE {@code ranked (id, score)}. A record that contains the term literally ranks
     * above every merely similar one: 'Nachname9999' and 'Nachname99999' have the same trigrams, but only
     * one of them is what was typed.
     */
    private static String hits(boolean literalOnly, String filters) {
        String contactMatch = literalOnly ? "c.search_text like search_fold($2)"
                : "search_fold($1) <% c.search_text or c.search_text like search_fold($2)";
        String companyMatch = literalOnly ? "co.search_text like search_fold($2)"
                : "search_fold($1) <% co.search_text or co.search_text like search_fold($2)";
        return "with hits as (select c.id, word_similarity(search_fold($1), c.search_text)"
                + " + (c.search_text like search_fold($2))::int as score from contact c"
                + " where (" + contactMatch + ") and " + filters
                + " union all select c.id, word_similarity(search_fold($1), co.search_text)"
                + " + (co.search_text like search_fold($2))::int from company co"
                + " join contact c on c.company_id = co.id"
                + " where (" + companyMatch + ") and " + filters
                + "), ranked as (select id, max(score)::real as score from hits group by id)";
    }

    /** The conditions of the query's filters on contact {@code c}, their values appended to {@code args}. */
    private String filters(ContactQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder("c.merged_into is null");
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
        if (!q.customFields().isEmpty()) {
            args.add(customFieldsJson(q.customFields()));
            sql.append(" and c.custom_fields @> $").append(args.size());
        }
        return sql.toString();
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
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
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
                d.tags().toArray(String[]::new), d.source(), customFieldsJson(d.customFields()), d.externalId()));
    }

    /** Whether {@code failure} is the unique index on external ids refusing a second contact with one. */
    static boolean isExternalIdTaken(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && EXTERNAL_ID_INDEX.equals(pg.getConstraint());
    }

    private static ProblemException externalIdTaken() {
        return new ProblemException(409, "Conflict", "externalId: is already used by another contact of your"
                + " tenant", List.of(new Problem.FieldError("externalId", "is already used by another contact")));
    }

    JsonObject customFieldsJson(Map<String, Object> values) {
        try {
            return new JsonObject(mapper.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom fields cannot be stored", e);
        }
    }

    /** Custom field values as stored, numbers back in their canonical decimal form. */
    private Map<String, Object> customFields(Row row) {
        Object value = row.getValue("custom_fields");
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> values = new TreeMap<>();
        try {
            mapper.readValue(value.toString(), new TypeReference<Map<String, Object>>() { }).forEach((key, v) -> {
                if (v instanceof Number n) {
                    values.put(key, new BigDecimal(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()));
                } else if (v != null) {
                    values.put(key, v);
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored custom_fields cannot be read", e);
        }
        return values;
    }

    private static String placeholders(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append(i == from ? "" : ", ").append('$').append(i);
        }
        return s.toString();
    }

    JsonArray json(List<?> items) {
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

    Contact map(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        ContactDetails details = new ContactDetails(Salutation.of(row.getString("salutation")),
                row.getString("academic_title"), row.getString("first_name"), row.getString("last_name"),
                list(row, "emails", new TypeReference<List<EmailAddress>>() { }),
                list(row, "phones", new TypeReference<List<PhoneNumber>>() { }),
                list(row, "addresses", new TypeReference<List<PostalAddress>>() { }),
                row.getUUID("company_id"), LifecycleStage.of(row.getString("lifecycle_stage")),
                row.getString("owner_id"), row.getString("unit_id"), tags == null ? List.of() : List.of(tags),
                row.getString("source"), customFields(row), row.getString("external_id"));
        return new Contact(row.getUUID("id"), details, row.getInteger("version"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
