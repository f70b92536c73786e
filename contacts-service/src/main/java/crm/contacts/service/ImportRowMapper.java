package crm.contacts.service;

import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.CustomField;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.ImportRowError;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PhoneNumberNormaliser;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import crm.contacts.domain.Tags;
import crm.contacts.service.ImportColumns.Column;
import crm.platform.problem.Problem;
import crm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns import rows into contacts: reads and checks the cells of a row, and makes a new contact of it or
 * applies it to the contact it matched. The rules are the API's, with error fields named by column.
 *
 * <p>On an update a blank cell keeps the contact's value; a given e-mail or phone becomes the primary one
 * (added if the contact does not have it yet); the address cells change the contact's first address; tags
 * are added to the contact's tags; custom field values are set.
 */
final class ImportRowMapper {

    /** The outcome of applying a row: the contact's details afterwards, or what is wrong. */
    record Applied(ContactDetails details, List<ImportRowError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern UNIT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("\\p{Graph}{1,100}");
    private static final Pattern TAG_SEPARATOR = Pattern.compile("[|,]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_EMAILS = 10;
    private static final int MAX_PHONES = 10;

    private final ImportColumns columns;
    private final Map<String, CustomField> definitions;
    private final TenantContext context;
    private final String defaultCountry;

    ImportRowMapper(ImportColumns columns, Map<String, CustomField> definitions, TenantContext context,
                    String defaultCountry) {
        this.columns = columns;
        this.definitions = definitions;
        this.context = context;
        this.defaultCountry = defaultCountry;
    }

    /** Reads and checks the row's cells. */
    ImportRow read(long number, String[] cells) {
        Cells c = new Cells(number, cells);
        if (cells.length > columns.width()) {
            c.error("row", "has " + cells.length + " fields, the header " + columns.width());
        }
        String country = c.text(Column.COUNTRY, 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                c.error(Column.COUNTRY, "must be an ISO 3166-1 alpha-2 code such as DE");
                country = null;
            }
        }
        String street = c.text(Column.STREET, 200);
        String postalCode = c.text(Column.POSTAL_CODE, 20);
        String city = c.text(Column.CITY, 100);
        PostalAddress address = street == null && postalCode == null && city == null && country == null ? null
                : new PostalAddress(street, postalCode, city, country);
        String firstName = c.text(Column.FIRST_NAME, 100);
        String lastName = c.text(Column.LAST_NAME, 100);
        if (firstName == null) {
            c.error(Column.FIRST_NAME, "is required");
        }
        if (lastName == null) {
            c.error(Column.LAST_NAME, "is required");
        }
        return new ImportRow(number, c.matching(Column.EXTERNAL_ID, EXTERNAL_ID,
                        "must be 1 to 100 visible characters without spaces"),
                salutation(c), c.text(Column.ACADEMIC_TITLE, 50), firstName, lastName, email(c),
                phone(c, country == null ? defaultCountry : country), address, companyId(c), stage(c),
                c.text(Column.OWNER_ID, 200), unit(c), tags(c), c.text(Column.SOURCE, 100),
                columns.customFieldValues(cells), c.errors);
    }

    /** A new contact of a valid row. */
    Applied create(ImportRow row) {
        List<EmailAddress> emails = row.email() == null ? List.of()
                : List.of(new EmailAddress(EmailAddress.Type.OTHER, row.email(), true));
        List<PhoneNumber> phones = row.phone() == null ? List.of()
                : List.of(new PhoneNumber(PhoneNumber.Type.OTHER, row.phone(), true));
        List<PostalAddress> addresses = row.address() == null ? List.of() : List.of(withCountry(row.address(), null));
        String unit = row.unitId() != null ? row.unitId() : context.unitId();
        ContactDetails details = new ContactDetails(row.salutation(), row.academicTitle(), row.firstName(),
                row.lastName(), emails, phones, addresses, row.companyId(), row.lifecycleStage(), row.ownerId(), unit,
                row.tags(), row.source(), Map.of(), row.externalId());
        return withCustomFields(row, details, Map.of());
    }

    /** The matched contact with the row applied (equal details: the row changes nothing). */
    Applied update(ImportRow row, Contact contact) {
        ContactDetails d = contact.details();
        List<ImportRowError> errors = new ArrayList<>();
        List<String> tags = d.tags();
        if (!row.tags().isEmpty()) {
            LinkedHashSet<String> union = new LinkedHashSet<>(d.tags());
            union.addAll(row.tags());
            if (union.size() > Tags.MAX_TAGS) {
                errors.add(new ImportRowError(row.number(), "tags", "would give the contact more than " + Tags.MAX_TAGS
                        + " different tags"));
            }
            tags = new ArrayList<>(union);
        }
        ContactDetails next = new ContactDetails(
                row.salutation() != null ? row.salutation() : d.salutation(),
                row.academicTitle() != null ? row.academicTitle() : d.academicTitle(),
                row.firstName(), row.lastName(), primaryEmail(d.emails(), row.email()),
                primaryPhone(d.phones(), row.phone()), firstAddress(d.addresses(), row.address()),
                row.companyId() != null ? row.companyId() : d.companyId(),
                row.lifecycleStage() != null ? row.lifecycleStage() : d.lifecycleStage(),
                row.ownerId() != null ? row.ownerId() : d.ownerId(),
                row.unitId() != null ? row.unitId() : d.unitId(),
                tags, row.source() != null ? row.source() : d.source(), d.customFields(),
                d.externalId() != null ? d.externalId() : row.externalId());
        if (!errors.isEmpty()) {
            return new Applied(null, errors);
        }
        return withCustomFields(row, next, d.customFields());
    }

    private Applied withCustomFields(ImportRow row, ContactDetails details, Map<String, Object> current) {
        Map<String, Object> requested = new TreeMap<>(current);
        requested.putAll(row.customFields());
        CustomFieldRules.Checked checked = CustomFieldRules.check(definitions, requested, current, true);
        if (!checked.valid()) {
            List<ImportRowError> errors = new ArrayList<>();
            for (Problem.FieldError e : checked.errors()) {
                String key = e.field().substring(CustomFieldRules.FIELD.length() + 1);
                errors.add(new ImportRowError(row.number(), ImportColumns.CUSTOM_FIELD_PREFIX + key, e.message()));
            }
            return new Applied(null, errors);
        }
        return new Applied(details.withCustomFields(checked.values()), List.of());
    }

    private static List<EmailAddress> primaryEmail(List<EmailAddress> emails, String email) {
        if (email == null) {
            return emails;
        }
        List<EmailAddress> result = new ArrayList<>();
        result.add(new EmailAddress(typeOf(emails, email), email, true));
        for (EmailAddress e : emails) {
            if (!e.address().equals(email) && result.size() < MAX_EMAILS) {
                result.add(new EmailAddress(e.type(), e.address(), false));
            }
        }
        return result;
    }

    private static EmailAddress.Type typeOf(List<EmailAddress> emails, String email) {
        return emails.stream().filter(e -> e.address().equals(email)).map(EmailAddress::type).findFirst()
                .orElse(EmailAddress.Type.OTHER);
    }

    private static List<PhoneNumber> primaryPhone(List<PhoneNumber> phones, String phone) {
        if (phone == null) {
            return phones;
        }
        List<PhoneNumber> result = new ArrayList<>();
        PhoneNumber.Type type = phones.stream().filter(p -> p.number().equals(phone)).map(PhoneNumber::type)
                .findFirst().orElse(PhoneNumber.Type.OTHER);
        result.add(new PhoneNumber(type, phone, true));
        for (PhoneNumber p : phones) {
            if (!p.number().equals(phone) && result.size() < MAX_PHONES) {
                result.add(new PhoneNumber(p.type(), p.number(), false));
            }
        }
        return result;
    }

    /** The row's address cells replace those fields of the first address, which keeps the others. */
    private List<PostalAddress> firstAddress(List<PostalAddress> addresses, PostalAddress row) {
        if (row == null) {
            return addresses;
        }
        List<PostalAddress> result = new ArrayList<>(addresses);
        PostalAddress first = withCountry(row, addresses.isEmpty() ? null : addresses.get(0));
        if (result.isEmpty()) {
            result.add(first);
        } else {
            result.set(0, first);
        }
        return result;
    }

    private PostalAddress withCountry(PostalAddress row, PostalAddress base) {
        String street = row.street() != null ? row.street() : base == null ? null : base.street();
        String postalCode = row.postalCode() != null ? row.postalCode() : base == null ? null : base.postalCode();
        String city = row.city() != null ? row.city() : base == null ? null : base.city();
        String country = row.country() != null ? row.country() : base == null ? defaultCountry : base.country();
        return new PostalAddress(street, postalCode, city, country);
    }

    private static Salutation salutation(Cells c) {
        String value = c.text(Column.SALUTATION, 10);
        try {
            return Salutation.of(value);
        } catch (IllegalArgumentException e) {
            c.error(Column.SALUTATION, "must be one of Herr, Frau, Divers, Mr, Ms, Mx");
            return null;
        }
    }

    private static String email(Cells c) {
        String value = c.text(Column.EMAIL, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            c.error(Column.EMAIL, "must be an e-mail address such as name@example.com");
            return null;
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String phone(Cells c, String country) {
        String value = c.text(Column.PHONE, 40);
        if (value == null) {
            return null;
        }
        try {
            return PhoneNumberNormaliser.normalise(value, country);
        } catch (PhoneNumberNormaliser.InvalidPhoneNumber e) {
            c.error(Column.PHONE, e.getMessage());
            return null;
        }
    }

    private static UUID companyId(Cells c) {
        String value = c.text(Column.COMPANY_ID, 36);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            c.error(Column.COMPANY_ID, "must be the id of a company");
            return null;
        }
    }

    private static LifecycleStage stage(Cells c) {
        String value = c.text(Column.LIFECYCLE_STAGE, 20);
        try {
            return LifecycleStage.of(value);
        } catch (IllegalArgumentException e) {
            c.error(Column.LIFECYCLE_STAGE, "must be prospect, customer or former_customer");
            return null;
        }
    }

    /** Franchisee staff import into their own unit only; HQ staff may name any unit. */
    private String unit(Cells c) {
        String value = c.matching(Column.UNIT_ID, UNIT, "must be a unit id");
        if (value != null && !context.isBrandWide() && !value.equals(context.unitId())) {
            c.error(Column.UNIT_ID, "must be empty or your own unit; you can import only into your own unit");
            return null;
        }
        return value;
    }

    private static List<String> tags(Cells c) {
        String value = c.text(Column.TAGS, 2000);
        if (value == null) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : TAG_SEPARATOR.split(value)) {
            if (!tag.isBlank()) {
                tags.add(tag);
            }
        }
        try {
            return Tags.normalise(tags);
        } catch (IllegalArgumentException e) {
            c.error(Column.TAGS, e.getMessage());
            return List.of();
        }
    }

    /** A row's cells and the errors found reading them. */
    private final class Cells {
        private final long number;
        private final String[] cells;
        private final List<ImportRowError> errors = new ArrayList<>();

        Cells(long number, String[] cells) {
            this.number = number;
            this.cells = cells;
        }

        String text(Column column, int maxLength) {
            String value = columns.value(cells, column);
            if (value != null && value.length() > maxLength) {
                error(column, "must be at most " + maxLength + " characters");
                return null;
            }
            return value;
        }

        String matching(Column column, Pattern pattern, String message) {
            String value = text(column, 200);
            if (value != null && !pattern.matcher(value).matches()) {
                error(column, message);
                return null;
            }
            return value;
        }

        void error(Column column, String reason) {
            error(column.header, reason);
        }

        void error(String field, String reason) {
            errors.add(new ImportRowError(number, field, reason));
        }
    }
}
