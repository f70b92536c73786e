package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.CustomField;
import crm.contacts.domain.CustomFieldType;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.ImportRowError;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportRowMapperTests {

    private static final String[] HEADER = {"externalId", "firstName", "lastName", "email", "phone", "postalCode",
            "city", "country", "tags", "unitId", "lifecycleStage", "cf.budget"};
    private static final Map<String, CustomField> DEFINITIONS = Map.of("budget",
            new CustomField("budget", CustomFieldType.NUMBER, "Budget", "Budget", false, List.of(), 1, null, null));
    private static final TenantContext HQ = new TenantContext("t1", null, "hq-user", Set.of("admin"));
    private static final TenantContext HAMBURG = new TenantContext("t1", "t1-hamburg", "hh-user", Set.of("manager"));

    private static ImportRowMapper mapper(TenantContext context) {
        return new ImportRowMapper(ImportColumns.of(HEADER, DEFINITIONS), DEFINITIONS, context, "DE");
    }

    @Test
    void shouldReadANormalisedRowAndMakeANewContactOfIt() {
        ImportRowMapper rows = mapper(HQ);
        ImportRow row = rows.read(2, new String[] {"shop-1", "Jana", "Schulz", "Jana.Schulz@Example.com", "040 5550101",
                "20095", "Hamburg", "", "VIP|E-Bike", "t1-hamburg", "customer", "2500.00"});

        assertThat(row.errors()).isEmpty();
        ContactDetails d = rows.create(row).details();
        assertThat(d.primaryEmail()).isEqualTo("jana.schulz@example.com");
        assertThat(d.primaryPhone()).isEqualTo("+49405550101");
        assertThat(d.addresses()).containsExactly(new PostalAddress(null, "20095", "Hamburg", "DE"));
        assertThat(d.tags()).containsExactly("vip", "e-bike");
        assertThat(d.unitId()).isEqualTo("t1-hamburg");
        assertThat(d.externalId()).isEqualTo("shop-1");
        assertThat(d.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(d.customFields()).containsEntry("budget", new BigDecimal("2500"));
    }

    @Test
    void shouldReportEveryBadCellByColumnWithoutRepeatingTheValue() {
        ImportRow row = mapper(HAMBURG).read(7, new String[] {"has space", "", "Schulz", "not-an-email", "12", "",
                "", "XX", "", "t1-munich", "lead", "", "extra"});

        assertThat(row.errors()).extracting(ImportRowError::field).containsExactlyInAnyOrder("row", "externalId",
                "firstName", "email", "phone", "country", "unitId", "lifecycleStage");
        assertThat(row.errors()).allSatisfy(e -> {
            assertThat(e.row()).isEqualTo(7);
            assertThat(e.reason()).doesNotContain("not-an-email", "has space", "t1-munich");
        });
    }

    @Test
    void shouldNameABadCustomFieldValueByItsColumn() {
        ImportRowMapper rows = mapper(HQ);
        ImportRow row = rows.read(3, new String[] {"", "Jana", "Schulz", "", "", "", "", "", "", "", "", "viel"});

        assertThat(rows.create(row).errors()).extracting(ImportRowError::field).containsExactly("cf.budget");
    }

    @Test
    void shouldApplyARowToTheMatchedContactKeepingWhatItLeavesBlank() {
        ContactDetails current = new ContactDetails(null, "Dr.", "Jana", "Schulz",
                List.of(new EmailAddress(EmailAddress.Type.WORK, "old@example.com", true)),
                List.of(new PhoneNumber(PhoneNumber.Type.MOBILE, "+491701234567", true)),
                List.of(new PostalAddress("Mönckebergstraße 7", "20095", "Hamburg", "DE")), null,
                LifecycleStage.PROSPECT, "rep-1", null, List.of("newsletter"), "Messe", Map.of("budget", new BigDecimal("10")),
                "shop-1");
        Contact contact = new Contact(UUID.randomUUID(), current, 3, "someone", OffsetDateTime.now(), OffsetDateTime.now());
        ImportRowMapper rows = mapper(HQ);
        ImportRow row = rows.read(2, new String[] {"shop-1", "Jana", "Schulz-Meyer", "new@example.com", "", "20097", "",
                "", "vip", "", "", ""});

        ContactDetails next = rows.update(row, contact).details();

        assertThat(next.lastName()).isEqualTo("Schulz-Meyer");
        assertThat(next.academicTitle()).isEqualTo("Dr.");
        assertThat(next.emails()).extracting(EmailAddress::address, EmailAddress::isPrimary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new@example.com", true),
                        org.assertj.core.groups.Tuple.tuple("old@example.com", false));
        assertThat(next.phones()).isEqualTo(current.phones());
        assertThat(next.addresses()).containsExactly(new PostalAddress("Mönckebergstraße 7", "20097", "Hamburg", "DE"));
        assertThat(next.tags()).containsExactly("newsletter", "vip");
        assertThat(next.ownerId()).isEqualTo("rep-1");
        assertThat(next.customFields()).containsEntry("budget", new BigDecimal("10"));
    }

    @Test
    void shouldChangeNothingWhenTheRowSaysWhatTheContactHas() {
        ImportRowMapper rows = mapper(HQ);
        ImportRow row = rows.read(2, new String[] {"shop-1", "Jana", "Schulz", "jana@example.com", "", "", "", "",
                "", "", "", "12.50"});
        ContactDetails created = rows.create(row).details();
        Contact contact = new Contact(UUID.randomUUID(), created, 1, "x", OffsetDateTime.now(), OffsetDateTime.now());

        assertThat(rows.update(row, contact).details()).isEqualTo(created);
    }

    @Test
    void shouldKeepAFranchiseesRowsInItsOwnUnit() {
        ImportRowMapper rows = mapper(HAMBURG);
        ImportRow row = rows.read(2, new String[] {"", "Ole", "Hansen", "", "", "", "", "", "", "", "", ""});

        assertThat(rows.create(row).details().unitId()).isEqualTo("t1-hamburg");
    }

    @Test
    void shouldMatchRowsThatShareAnExternalIdOrEmailByKey() {
        ImportRowMapper rows = mapper(HQ);
        ImportRow both = rows.read(2, new String[] {"x1", "A", "B", "a@example.com", "", "", "", "", "", "", "", ""});
        ImportRow none = rows.read(3, new String[] {"", "A", "B", "", "", "", "", "", "", "", "", ""});

        assertThat(both.matchKeys()).containsExactly("x:x1", "e:a@example.com");
        assertThat(none.matchKeys()).isEmpty();
    }
}
