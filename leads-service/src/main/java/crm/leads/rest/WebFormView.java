package crm.leads.rest;

import crm.leads.domain.Channel;
import crm.leads.domain.FormField;
import crm.leads.domain.WebForm;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A web form as admins see it, with the public URL and the snippet to paste into a website. */
public record WebFormView(String formKey, String unitId, String name, String title, List<FormField> fields,
                          UUID campaignId, Channel channel, List<String> productsOfInterest, String consentText,
                          String consentVersion, boolean consentRequired, int minimumFillSeconds,
                          String honeypotField, boolean enabled, String publicUrl, String embedSnippet, int version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static WebFormView of(WebForm f, String publicBaseUrl) {
        String url = publicBaseUrl.replaceAll("/+$", "") + "/public/v1/forms/" + f.formKey();
        return new WebFormView(f.formKey(), f.unitId(), f.name(), f.title(), f.fields(), f.campaignId(), f.channel(),
                f.productsOfInterest(), f.consentText(), f.consentVersion(), f.consentRequired(),
                f.minimumFillSeconds(), f.honeypotField(), f.enabled(), url, EmbedSnippet.of(f.formKey(), url),
                f.version(), f.createdAt(), f.updatedAt());
    }
}
