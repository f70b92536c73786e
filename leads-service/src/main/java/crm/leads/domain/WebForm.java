package crm.leads.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's public lead form. {@code unitId} is its default unit: where a submission goes when no
 * territory claims its postal code (null: headquarters). The honeypot is an input humans never see;
 * {@code minimumFillSeconds} is how fast a human can possibly fill the form.
 */
public record WebForm(String formKey, String unitId, String name, String title, List<FormField> fields,
                      UUID campaignId, Channel channel, List<String> productsOfInterest, String consentText,
                      String consentVersion, boolean consentRequired, int minimumFillSeconds, String honeypotField,
                      boolean enabled, int version, String createdBy, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {

    public WebForm {
        fields = List.copyOf(fields);
        productsOfInterest = productsOfInterest == null ? List.of() : List.copyOf(productsOfInterest);
    }
}
