package crm.contacts.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import crm.contacts.domain.Contact;
import crm.contacts.domain.PostalAddress;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes contacts as CSV (RFC 4180, UTF-8, comma-separated) in the columns the import reads, so that an
 * export can be edited and imported again. Cells a spreadsheet would run as a formula (starting with
 * =, +, - or @ and not just a number) get a leading apostrophe, which the import removes again.
 */
final class ContactCsvWriter implements Closeable {

    /** Quotes only what needs it (separator, quote, line break), as spreadsheets write CSV. */
    private static final CsvMapper CSV = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9][0-9.]*");

    private final SequenceWriter out;
    private final List<String> customFieldKeys;

    ContactCsvWriter(OutputStream stream, List<String> customFieldKeys) throws IOException {
        this.out = CSV.writerFor(String[].class)
                .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .writeValues(stream);
        this.customFieldKeys = List.copyOf(customFieldKeys);
        out.write(ImportColumns.exportHeader(customFieldKeys).toArray(String[]::new));
    }

    void write(Contact c) throws IOException {
        var d = c.details();
        PostalAddress a = d.firstAddress();
        List<String> cells = new ArrayList<>(List.of(c.id().toString(), text(d.externalId()),
                d.salutation() == null ? "" : d.salutation().value(), text(d.academicTitle()), text(d.firstName()),
                text(d.lastName()), text(d.primaryEmail()), text(d.primaryPhone()),
                text(a == null ? null : a.street()), text(a == null ? null : a.postalCode()),
                text(a == null ? null : a.city()), text(a == null ? null : a.country()),
                d.companyId() == null ? "" : d.companyId().toString(), d.lifecycleStage().value(), text(d.ownerId()),
                text(d.unitId()), String.join("|", d.tags()), text(d.source()), c.createdAt().toString(),
                c.updatedAt().toString()));
        for (String key : customFieldKeys) {
            Object value = d.customFields().get(key);
            cells.add(value instanceof BigDecimal n ? n.toPlainString() : text(value == null ? null : value.toString()));
        }
        out.write(cells.toArray(String[]::new));
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The cell text, defused if a spreadsheet would take it for a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !PLAIN_NUMBER.matcher(value).matches());
        return formulaLike ? "'" + value : value;
    }
}
