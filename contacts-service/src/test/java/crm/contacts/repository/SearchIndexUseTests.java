package crm.contacts.repository;

import static org.assertj.core.api.Assertions.assertThat;

import crm.contacts.TestDatabase;
import crm.devstack.DevStackResource;
import crm.platform.paging.PageRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whether PostgreSQL can serve the contact search's conditions from their indexes under row-level
 * security. It can only if the operators' functions are LEAKPROOF, which only a superuser may declare
 * (db/privileged/leakproof-search-operators.sql, applied by whoever runs the database; the devstack and
 * the Kubernetes database template do it on creation). Each plan is made as the service's role, for a tenant
 * with thousands of contacts, in a transaction that is rolled back.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class SearchIndexUseTests {

    @Inject
    ContactRepository contacts;

    private ContactRepository.Statement search(ContactQuery query) {
        return contacts.searchStatement(query, new PageRequest(50, null));
    }

    private static ContactQuery query(String term, List<String> tags, Map<String, Object> customFields) {
        return new ContactQuery(term, null, tags, null, null, null, null, null, null, customFields,
                term == null ? ContactSort.DEFAULT : ContactSort.RELEVANCE);
    }

    @Test
    void shouldSearchThroughTheTrigramIndexOnlyWithLeakproofOperators() throws Exception {
        ContactRepository.Statement statement = search(query("mueller", null, null));

        assertThat(plan(statement, false)).doesNotContain("contact_search");
        assertThat(plan(statement, true)).contains("Bitmap Index Scan on contact_search");
    }

    @Test
    void shouldFilterTagsAndCustomFieldsThroughTheirIndexesWithLeakproofOperators() throws Exception {
        ContactRepository.Statement tags = search(query(null, List.of("vip"), null));
        ContactRepository.Statement customFields = search(query(null, null, Map.of("frame_size", "M")));

        assertThat(plan(tags, false)).doesNotContain("contact_tags");
        assertThat(plan(tags, true)).contains("Bitmap Index Scan on contact_tags");
        assertThat(plan(customFields, false)).doesNotContain("contact_custom_fields");
        assertThat(plan(customFields, true)).contains("Bitmap Index Scan on contact_custom_fields");
    }

    private static String plan(ContactRepository.Statement statement, boolean leakproof) throws SQLException, IOException {
        try (Connection db = TestDatabase.superuser(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            try {
                // The database is created with these functions LEAKPROOF; the other case takes it back, until
                // the rollback.
                for (String alter : leakproofStatements()) {
                    sql.execute(leakproof ? alter : alter.replaceFirst(" leakproof$", " not leakproof"));
                }
                // A tenant with thousands of contacts, of which the conditions select a handful: a plan that can
                // use the condition's index beats every other one, so its absence means it could not be used.
                sql.execute("insert into contact (id, tenant_id, first_name, last_name, created_by, tags, custom_fields)"
                        + " select gen_random_uuid(), 't-plan', 'Vorname' || g, 'Nachname' || g, 'plan',"
                        + " case when g % 1000 = 0 then '{vip}'::text[] else '{}' end,"
                        + " case when g % 1000 = 0 then '{\"frame_size\": \"M\"}'::jsonb else '{}' end"
                        + " from generate_series(1, 5000) g");
                sql.execute("insert into contact (id, tenant_id, first_name, last_name, created_by)"
                        + " values (gen_random_uuid(), 't-plan', 'Hans', 'Mueller', 'plan')");
                sql.execute("analyze contact");
                // Until the rollback only the primary key and the GIN indexes are left: the question is whether the
                // condition's index can be used, not whether the planner prefers a tenant's btree for a few thousand
                // rows.
                for (String index : btreeIndexesOfContact(sql)) {
                    sql.execute("drop index " + index);
                }
                sql.execute("set local role contacts");
                sql.execute("select set_config('crm.tenant_id', 't-plan', true), set_config('crm.unit_id', '', true)");
                sql.execute("set local pg_trgm.word_similarity_threshold = " + ContactRepository.FUZZY_THRESHOLD);
                sql.execute("set local enable_seqscan = off");
                sql.execute("prepare search as " + statement.sql());
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = sql.executeQuery("explain execute search(" + literals(statement.args()) + ")")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                sql.execute("deallocate search");
                return plan.toString();
            } finally {
                db.rollback();
            }
        }
    }

    private static List<String> btreeIndexesOfContact(Statement sql) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = sql.executeQuery("select indexname from pg_indexes where tablename = 'contact'"
                + " and indexname <> 'contact_pkey' and indexdef not like '%USING gin%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The statements of the privileged script, as the database administrator runs them. */
    private static List<String> leakproofStatements() throws IOException {
        try (InputStream in = SearchIndexUseTests.class.getClassLoader()
                .getResourceAsStream("db/privileged/leakproof-search-operators.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String code = script.lines().map(line -> line.replaceAll("--.*$", "")).collect(Collectors.joining("\n"));
            return java.util.Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static String literals(List<Object> args) {
        return args.stream().map(SearchIndexUseTests::literal).collect(Collectors.joining(", "));
    }

    private static String literal(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value instanceof String[] array ? "{" + String.join(",", array) + "}"
                : value instanceof JsonObject json ? json.encode() : value.toString();
        return "'" + text.replace("'", "''") + "'";
    }
}
