package crm.analytics.domain;

import java.util.List;
import java.util.UUID;

/** The minimal personal data the read model keeps of a contact: what segments and audiences need. */
public record ContactProfile(UUID contactId, String unitId, String firstName, String lastName, String email,
                             String phone, String street, String postalCode, String city, String lifecycleStage,
                             List<String> tags, UUID companyId, int version) {

    public ContactProfile {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
