package crm.contacts.service;

import crm.contacts.domain.CustomField;
import crm.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of a contact CSV file, as its header row names them (in any order, case ignored). The
 * export writes the same columns, so an exported file can be imported again; its read-only columns (id,
 * createdAt, updatedAt) are accepted and ignored. {@code cf.<key>} columns carry custom field values.
 */
final class ImportColumns {

    /** The columns a file may have, by their header name. */
    enum Column {
        ID("id"), EXTERNAL_ID("externalId"), SALUTATION("salutation"), ACADEMIC_TITLE("academicTitle"),
        FIRST_NAME("firstName"), LAST_NAME("lastName"), EMAIL("email"), PHONE("phone"), STREET("street"),
        POSTAL_CODE("postalCode"), CITY("city"), COUNTRY("country"), COMPANY_ID("companyId"),
        LIFECYCLE_STAGE("lifecycleStage"), OWNER_ID("ownerId"), UNIT_ID("unitId"), TAGS("tags"), SOURCE("source"),
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }

    static final String CUSTOM_FIELD_PREFIX = "cf.";
    private static final Set<Column> REQUIRED = Set.of(Column.FIRST_NAME, Column.LAST_NAME);
    private static final Map<String, Column> BY_HEADER = Arrays.stream(Column.values())
            .collect(Collectors.toMap(c -> c.header.toLowerCase(Locale.ROOT), c -> c));

    private final Map<Column, Integer> positions;
    private final Map<String, Integer> customFields;
    private final int width;

    private ImportColumns(Map<Column, Integer> positions, Map<String, Integer> customFields, int width) {
        this.positions = positions;
        this.customFields = customFields;
        this.width = width;
    }

    /** The header's columns; 400 naming {@code header} when a name is unknown, repeated or missing. */
    static ImportColumns of(String[] header, Map<String, CustomField> definitions) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        Map<String, Integer> customFields = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].strip();
            Integer previous;
            if (name.regionMatches(true, 0, CUSTOM_FIELD_PREFIX, 0, CUSTOM_FIELD_PREFIX.length())) {
                String key = name.substring(CUSTOM_FIELD_PREFIX.length());
                if (!definitions.containsKey(key)) {
                    throw refused("column " + (i + 1) + " is cf." + clip(key) + ", but your tenant has no custom field"
                            + " with that key");
                }
                previous = customFields.put(key, i);
            } else {
                Column column = BY_HEADER.get(name.toLowerCase(Locale.ROOT));
                if (column == null) {
                    throw refused("column " + (i + 1) + " is not a contact column; allowed are "
                            + Arrays.stream(Column.values()).map(c -> c.header).collect(Collectors.joining(", "))
                            + " and cf.<custom field key>");
                }
                previous = positions.put(column, i);
            }
            if (previous != null) {
                throw refused("column " + (i + 1) + " repeats column " + (previous + 1));
            }
        }
        for (Column required : REQUIRED) {
            if (!positions.containsKey(required)) {
                throw refused("a " + required.header + " column is required");
            }
        }
        return new ImportColumns(positions, customFields, header.length);
    }

    /** How many fields a row may have: as many as the header. */
    int width() {
        return width;
    }

    boolean has(Column column) {
        return positions.containsKey(column);
    }

    /** The column's trimmed value in {@code row}, null when absent or blank. */
    String value(String[] row, Column column) {
        Integer position = positions.get(column);
        return position == null ? null : cell(row, position);
    }

    /** The row's non-blank custom field values by key. */
    Map<String, String> customFieldValues(String[] row) {
        Map<String, String> values = new LinkedHashMap<>();
        customFields.forEach((key, position) -> {
            String value = cell(row, position);
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** The header line the CSV export writes for these definitions. */
    static List<String> exportHeader(Iterable<String> customFieldKeys) {
        List<String> header = new java.util.ArrayList<>(Arrays.stream(Column.values()).map(c -> c.header).toList());
        customFieldKeys.forEach(key -> header.add(CUSTOM_FIELD_PREFIX + key));
        return header;
    }

    private static String cell(String[] row, int position) {
        if (position >= row.length || row[position] == null) {
            return null;
        }
        String value = row[position].strip();
        // The export prefixes values that a spreadsheet would run as a formula with an apostrophe.
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return value.isEmpty() ? null : value;
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static ProblemException refused(String message) {
        return ProblemException.badRequest("header", message);
    }
}
