package crm.leads.service;

import crm.leads.domain.CompanySize;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.Salutation;
import crm.leads.repository.LeadImportRepository.RowError;
import crm.platform.problem.ProblemException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a trade-fair or event list and how a row becomes lead details. Headers are matched
 * case-insensitively in English or German ("lastName", "Nachname", "E-Mail", "PLZ", ...); unknown columns
 * are ignored. Products of interest are separated by {@code |} within their cell.
 */
final class LeadCsv {

    enum Column {
        SALUTATION("salutation", "anrede"),
        FIRST_NAME("firstname", "first name", "vorname"),
        LAST_NAME("lastname", "last name", "name", "nachname"),
        EMAIL("email", "e-mail", "mail"),
        PHONE("phone", "telephone", "telefon", "mobile", "mobil"),
        COMPANY_NAME("companyname", "company", "firma", "unternehmen"),
        COMPANY_DOMAIN("companydomain", "domain", "website"),
        COMPANY_SIZE("companysize", "company size", "mitarbeiter", "größe"),
        POSTAL_CODE("postalcode", "postal code", "zip", "plz", "postleitzahl"),
        CITY("city", "ort", "stadt"),
        COUNTRY_CODE("countrycode", "country", "land"),
        PRODUCTS("productsofinterest", "products", "interesse", "produkte"),
        SOURCE_DETAILS("sourcedetails", "source", "quelle"),
        MESSAGE("message", "notes", "note", "notiz", "bemerkung");

        private final List<String> names;

        Column(String... names) {
            this.names = Arrays.asList(names);
        }

        static Optional<Column> of(String header) {
            String h = header.strip().toLowerCase(Locale.ROOT).replace("_", "");
            return Arrays.stream(values()).filter(c -> c.names.contains(h)).findFirst();
        }
    }

    /** Column positions of a file, from its header line. */
    static final class Layout {
        private final Map<Column, Integer> positions;

        private Layout(Map<Column, Integer> positions) {
            this.positions = positions;
        }

        /** 400 naming the header when the file cannot give a lead a name and a way to reach it. */
        static Layout of(List<String> header) {
            Map<Column, Integer> positions = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                int index = i;
                Column.of(header.get(i).replace("\uFEFF", "")).ifPresent(c -> positions.putIfAbsent(c, index));
            }
            if (!positions.containsKey(Column.LAST_NAME) && !positions.containsKey(Column.COMPANY_NAME)) {
                throw ProblemException.badRequest("header", "needs a lastName or companyName column");
            }
            if (!positions.containsKey(Column.EMAIL) && !positions.containsKey(Column.PHONE)) {
                throw ProblemException.badRequest("header", "needs an email or phone column");
            }
            return new Layout(positions);
        }

        String value(List<String> row, Column column) {
            Integer i = positions.get(column);
            if (i == null || i >= row.size()) {
                return null;
            }
            String v = row.get(i);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A row's details, or the errors that keep it out (row numbers count the header as row 1). */
    record Parsed(int row, LeadDetails details, List<RowError> errors) {
    }

    private LeadCsv() {
    }

    static Parsed parse(int rowNumber, List<String> row, Layout layout, Validator validator) {
        List<RowError> errors = new ArrayList<>();
        Salutation salutation = choice(errors, rowNumber, "salutation", layout.value(row, Column.SALUTATION),
                Salutation::of);
        CompanySize size = choice(errors, rowNumber, "companySize", layout.value(row, Column.COMPANY_SIZE),
                CompanySize::of);
        String products = layout.value(row, Column.PRODUCTS);
        LeadUpdate update = new LeadUpdate(salutation, layout.value(row, Column.FIRST_NAME),
                layout.value(row, Column.LAST_NAME), layout.value(row, Column.EMAIL), layout.value(row, Column.PHONE),
                layout.value(row, Column.COMPANY_NAME), layout.value(row, Column.COMPANY_DOMAIN), size,
                layout.value(row, Column.POSTAL_CODE), layout.value(row, Column.CITY),
                layout.value(row, Column.COUNTRY_CODE), null, layout.value(row, Column.SOURCE_DETAILS),
                layout.value(row, Column.MESSAGE), products == null ? List.of() : Arrays.asList(products.split("\\|")));
        validator.validate(update).forEach(v -> errors.add(new RowError(rowNumber, v.getPropertyPath().toString()
                .replaceAll("\\[\\d+\\].*", ""), v.getMessage())));
        if (!errors.isEmpty()) {
            return new Parsed(rowNumber, null, errors);
        }
        try {
            return new Parsed(rowNumber, LeadRequests.toDetails(update), List.of());
        } catch (ProblemException e) {
            e.toProblem().errors().forEach(f -> errors.add(new RowError(rowNumber, f.field(), f.message())));
            return new Parsed(rowNumber, null, errors);
        }
    }

    private static <T> T choice(List<RowError> errors, int row, String field, String value,
                                java.util.function.Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, field, e.getMessage()));
            return null;
        }
    }
}
