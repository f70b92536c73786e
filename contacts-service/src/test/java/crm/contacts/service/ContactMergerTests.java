package crm.contacts.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.EmailAddress;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PhoneNumber;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactMergerTests {

    private static EmailAddress email(String address, boolean primary) {
        return new EmailAddress(EmailAddress.Type.OTHER, address, primary);
    }

    @Test
    void shouldKeepTheSurvivorsValuesAndFillWhatItLacks() {
        UUID company = UUID.randomUUID();
        ContactDetails survivor = new ContactDetails(null, null, "Jana", "Schulz", List.of(email("jana@a.de", true)),
                List.of(), List.of(), null, LifecycleStage.CUSTOMER, "rep-1", "hh", List.of("vip"), null,
                Map.of("size", "M"), null);
        ContactDetails merged = new ContactDetails(Salutation.FRAU, "Dr.", "J.", "Schulz",
                List.of(email("j.schulz@b.de", true), email("jana@a.de", false)),
                List.of(new PhoneNumber(PhoneNumber.Type.MOBILE, "+491701234567", true)),
                List.of(new PostalAddress(null, "20095", "Hamburg", "DE")), company, LifecycleStage.PROSPECT, "rep-2",
                "muc", List.of("newsletter", "vip"), "Messe", Map.of("size", "L", "budget", "100"), "shop-9");

        ContactDetails result = ContactMerger.merge(survivor, List.of(merged));

        assertThat(result.firstName()).isEqualTo("Jana");
        assertThat(result.salutation()).isEqualTo(Salutation.FRAU);
        assertThat(result.academicTitle()).isEqualTo("Dr.");
        assertThat(result.emails()).containsExactly(email("jana@a.de", true), email("j.schulz@b.de", false));
        assertThat(result.primaryPhone()).isEqualTo("+491701234567");
        assertThat(result.addresses()).hasSize(1);
        assertThat(result.companyId()).isEqualTo(company);
        assertThat(result.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(result.ownerId()).isEqualTo("rep-1");
        assertThat(result.unitId()).isEqualTo("hh");
        assertThat(result.tags()).containsExactly("vip", "newsletter");
        assertThat(result.source()).isEqualTo("Messe");
        assertThat(result.customFields()).containsEntry("size", "M").containsEntry("budget", "100");
        assertThat(result.externalId()).isEqualTo("shop-9");
    }

    @Test
    void shouldStayWithinTheLimitsOfAContact() {
        List<EmailAddress> many = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(email("s" + i + "@a.de", i == 0));
        }
        ContactDetails survivor = new ContactDetails(null, null, "A", "B", many, null, null, null, null, null, null,
                null, null);
        ContactDetails other = new ContactDetails(null, null, "A", "B",
                List.of(email("x1@b.de", true), email("x2@b.de", false), email("x3@b.de", false)), null, null, null,
                null, null, null, null, null);

        assertThat(ContactMerger.merge(survivor, List.of(other)).emails()).hasSize(ContactMerger.MAX_EMAILS)
                .filteredOn(EmailAddress::isPrimary).containsExactly(email("s0@a.de", true));
    }
}
