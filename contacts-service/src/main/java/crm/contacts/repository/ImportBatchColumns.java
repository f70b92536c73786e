package crm.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.ContactDetails;
import crm.contacts.repository.ContactImportWriter.Write;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * An import batch as one array per column, the parameters of {@code unnest($1::uuid[], $2::text[], ...)}.
 * The PostgreSQL client sends arrays in binary, so the database only parses what really is JSON (e-mails,
 * phones, addresses, custom fields, the event envelope): a single JSON document per batch, as before,
 * had every row's field names parsed too and cost about a third more in the database.
 */
final class ImportBatchColumns {

    /** The columns in parameter order, with the SQL types {@link #tuple()} binds them as. */
    static final String UNNEST = "unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::uuid[], $13::text[], $14::text[],"
            + " $15::text[], $16::text[], $17::text[], $18::text[], $19::int4[], $20::uuid[], $21::text[],"
            + " $22::text[], $23::text[]) as u(id, unit_id, salutation, academic_title, first_name, last_name,"
            + " email, phone, emails, phones, addresses, company_id, lifecycle_stage, owner_id, tags, source,"
            + " custom_fields, external_id, version, event_id, topic, type, envelope)";

    /** The rows with their JSON and array columns typed, for the statements to select from. */
    static final String ROWS = "select u.id, u.unit_id, u.salutation, u.academic_title, u.first_name, u.last_name,"
            + " u.email, u.phone, u.emails::jsonb as emails, u.phones::jsonb as phones,"
            + " u.addresses::jsonb as addresses, u.company_id, u.lifecycle_stage, u.owner_id, u.tags::text[] as tags,"
            + " u.source, u.custom_fields::jsonb as custom_fields, u.external_id, u.version, u.event_id, u.topic,"
            + " u.type, u.envelope::jsonb as envelope from " + UNNEST;

    private static final int COLUMNS = 23;

    private final Object[][] columns;

    private ImportBatchColumns(int rows) {
        columns = new Object[COLUMNS][];
        for (int c = 0; c < COLUMNS; c++) {
            columns[c] = switch (c) {
                case 0, 11, 19 -> new UUID[rows];
                case 18 -> new Integer[rows];
                default -> new String[rows];
            };
        }
    }

    static ImportBatchColumns of(List<Write> writes, ObjectMapper mapper) {
        ImportBatchColumns batch = new ImportBatchColumns(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            batch.set(i, writes.get(i), mapper);
        }
        return batch;
    }

    Tuple tuple() {
        return Tuple.from(columns);
    }

    private void set(int row, Write w, ObjectMapper mapper) {
        ContactDetails d = w.contact().details();
        Object[] values = {w.contact().id(), d.unitId(), d.salutation() == null ? null : d.salutation().value(),
                d.academicTitle(), d.firstName(), d.lastName(), d.primaryEmail(), d.primaryPhone(),
                json(mapper, d.emails()), json(mapper, d.phones()), json(mapper, d.addresses()), d.companyId(),
                d.lifecycleStage().value(), d.ownerId(), arrayLiteral(d.tags()), d.source(),
                json(mapper, d.customFields()), d.externalId(), w.expectedVersion(), w.event().id(),
                w.event().topic(), w.event().type(), json(mapper, w.event().event())};
        for (int c = 0; c < COLUMNS; c++) {
            columns[c][row] = values[c];
        }
    }

    /**
     * A text[] literal ({"a","b"}): a tag list varies in length from row to row, which a two-dimensional
     * array parameter cannot hold, so each row's list travels as the text PostgreSQL casts to text[].
     */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import batch cannot be serialised", e);
        }
    }
}
