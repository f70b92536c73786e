package crm.contacts.repository;

import crm.contacts.domain.CustomField;
import crm.contacts.domain.CustomFieldType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the tenant's custom field definitions (tenant-wide: every unit sees the same ones). */
@ApplicationScoped
public class CustomFieldRepository {

    private static final String COLUMNS = "key, type, label_de, label_en, required, options, version, created_at,"
            + " updated_at";

    /** The definitions in the order they were created, by key. */
    public Uni<Map<String, CustomField>> all(SqlConnection tx) {
        return tx.preparedQuery("select " + COLUMNS + " from custom_field order by created_at, key")
                .execute()
                .map(rows -> {
                    Map<String, CustomField> fields = new LinkedHashMap<>();
                    rows.forEach(row -> fields.put(row.getString("key"), map(row)));
                    return fields;
                });
    }

    public Uni<Optional<CustomField>> find(SqlConnection tx, String key) {
        return tx.preparedQuery("select " + COLUMNS + " from custom_field where key = $1")
                .execute(Tuple.of(key))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Inserts a definition; empty when the tenant has one with this key already. */
    public Uni<Optional<CustomField>> insert(SqlConnection tx, CustomField f, String createdBy) {
        return tx.preparedQuery("insert into custom_field (key, type, label_de, label_en, required, options,"
                        + " created_by) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {f.key(), f.type().value(), f.labelDe(), f.labelEn(), f.required(),
                        f.options().toArray(String[]::new), createdBy}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Changes labels, required flag and options if the definition still has {@code expectedVersion}. */
    public Uni<Optional<CustomField>> update(SqlConnection tx, CustomField f, int expectedVersion) {
        return tx.preparedQuery("update custom_field set label_de = $3, label_en = $4, required = $5, options = $6,"
                        + " version = version + 1, updated_at = now() where key = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {f.key(), expectedVersion, f.labelDe(), f.labelEn(), f.required(),
                        f.options().toArray(String[]::new)}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Removes the definition and every contact's value for it, so that a field created later under the
     * same key starts empty. Contacts keep their version: the value was the definition's, not an edit.
     */
    public Uni<Boolean> delete(SqlConnection tx, String key, int expectedVersion) {
        return tx.preparedQuery("delete from custom_field where key = $1 and version = $2")
                .execute(Tuple.of(key, expectedVersion))
                .flatMap(deleted -> deleted.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("update contact set custom_fields = custom_fields - $1::text"
                                        + " where custom_fields ? $1::text")
                                .execute(Tuple.of(key)).map(ignored -> true));
    }

    public Uni<Long> count(SqlConnection tx) {
        return tx.query("select count(*) from custom_field").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static CustomField map(Row row) {
        String[] options = row.getArrayOfStrings("options");
        return new CustomField(row.getString("key"), CustomFieldType.of(row.getString("type")),
                row.getString("label_de"), row.getString("label_en"), row.getBoolean("required"),
                options == null ? List.of() : new ArrayList<>(List.of(options)), row.getInteger("version"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
