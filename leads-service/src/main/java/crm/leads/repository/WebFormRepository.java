package crm.leads.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import crm.leads.domain.Channel;
import crm.leads.domain.FormField;
import crm.leads.domain.WebForm;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Web form definitions, and the key-to-tenant lookup the anonymous form endpoints start from. */
@ApplicationScoped
public class WebFormRepository {

    private static final String SETTABLE = "unit_id, name, title, fields, campaign_id, channel, products_of_interest,"
            + " consent_text, consent_version, consent_required, minimum_fill_seconds, honeypot_field, enabled";
    private static final String COLUMNS = "form_key, " + SETTABLE + ", version, created_by, created_at, updated_at";

    private final Json json;

    public WebFormRepository(Json json) {
        this.json = json;
    }

    /** Stores the form and registers its key for the public endpoints, in the caller's transaction. */
    public Uni<WebForm> insert(SqlConnection tx, String tenantId, WebForm f) {
        List<Object> args = new ArrayList<>();
        args.add(f.formKey());
        args.addAll(settable(f));
        args.add(f.createdBy());
        return tx.preparedQuery("insert into web_form_key (form_key, tenant_id) values ($1, $2)")
                .execute(Tuple.of(f.formKey(), tenantId))
                .flatMap(ignored -> tx.preparedQuery("insert into web_form (form_key, " + SETTABLE + ", created_by)"
                                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                                + " returning " + COLUMNS)
                        .execute(Tuple.from(args)))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<WebForm>> find(SqlConnection tx, String formKey) {
        return tx.preparedQuery("select " + COLUMNS + " from web_form where form_key = $1").execute(Tuple.of(formKey))
                .map(this::first);
    }

    /** Replaces the settable fields if the form still has {@code expectedVersion}; empty otherwise. */
    public Uni<Optional<WebForm>> update(SqlConnection tx, WebForm f, int expectedVersion) {
        List<Object> args = new ArrayList<>();
        args.add(f.formKey());
        args.add(expectedVersion);
        args.addAll(settable(f));
        String[] columns = SETTABLE.split(", ");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            set.append(columns[i]).append(" = $").append(i + 3).append(", ");
        }
        return tx.preparedQuery("update web_form set " + set + "version = version + 1, updated_at = now()"
                        + " where form_key = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(args)).map(this::first);
    }

    public Uni<List<WebForm>> list(SqlConnection tx, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from web_form where true");
        if (page.after() != null) {
            args.add(LeadRepository.timestamp(page.after().sortKey()));
            args.add(page.after().id());
            sql.append(" and (updated_at, form_key) > ($1, $2)");
        }
        args.add(page.fetchSize());
        sql.append(" order by updated_at, form_key limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<WebForm> forms = new ArrayList<>();
            rows.forEach(row -> forms.add(map(row)));
            return forms;
        });
    }

    /**
     * The tenant a public form key belongs to. Runs outside any tenant scope: the lookup table has no
     * row-level security and holds nothing but keys and tenant ids.
     */
    public Uni<Optional<String>> tenantOfKey(SqlConnection connection, String formKey) {
        return connection.preparedQuery("select tenant_id from web_form_key where form_key = $1")
                .execute(Tuple.of(formKey))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString("tenant_id")));
    }

    private List<Object> settable(WebForm f) {
        return new ArrayList<>(Arrays.asList(f.unitId(), f.name(), f.title(), json.column(f.fields()), f.campaignId(),
                f.channel().value(), f.productsOfInterest().toArray(String[]::new), f.consentText(),
                f.consentVersion(), f.consentRequired(), f.minimumFillSeconds(), f.honeypotField(), f.enabled()));
    }

    private Optional<WebForm> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private WebForm map(Row row) {
        String[] products = row.getArrayOfStrings("products_of_interest");
        List<FormField> fields = json.read(row.getValue("fields"), new TypeReference<List<FormField>>() { });
        return new WebForm(row.getString("form_key"), row.getString("unit_id"), row.getString("name"),
                row.getString("title"), fields, row.getUUID("campaign_id"), Channel.of(row.getString("channel")),
                products == null ? List.of() : List.of(products), row.getString("consent_text"),
                row.getString("consent_version"), row.getBoolean("consent_required"),
                row.getInteger("minimum_fill_seconds"), row.getString("honeypot_field"), row.getBoolean("enabled"),
                row.getInteger("version"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
