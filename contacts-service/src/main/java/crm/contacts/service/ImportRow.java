package crm.contacts.service;

import crm.contacts.domain.ImportRowError;
import crm.contacts.domain.LifecycleStage;
import crm.contacts.domain.PostalAddress;
import crm.contacts.domain.Salutation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One data row of an import file, read and normalised (e-mail lower case, phone E.164, tags normalised).
 * Blank cells are null: on an update they leave the contact's value as it is. A row with errors is
 * written nowhere; its errors go to the report.
 */
record ImportRow(long number, String externalId, Salutation salutation, String academicTitle, String firstName,
                 String lastName, String email, String phone, PostalAddress address, UUID companyId,
                 LifecycleStage lifecycleStage, String ownerId, String unitId, List<String> tags, String source,
                 Map<String, String> customFields, List<ImportRowError> errors) {

    boolean valid() {
        return errors.isEmpty();
    }

    /** The keys an import matches contacts by; two rows sharing one must not be in the same batch. */
    List<String> matchKeys() {
        if (externalId != null && email != null) {
            return List.of("x:" + externalId, "e:" + email);
        }
        if (externalId != null) {
            return List.of("x:" + externalId);
        }
        return email == null ? List.of() : List.of("e:" + email);
    }
}
