package crm.leads.service;

import crm.leads.config.LeadsConfig;
import crm.leads.domain.RenderedAtSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Issues and checks the signed {@code renderedAt} values of public forms with the configured secret. */
@ApplicationScoped
public class FormSignatures {

    private final RenderedAtSignature signature;

    public FormSignatures(LeadsConfig config) {
        this.signature = new RenderedAtSignature(config.forms().signingSecret());
    }

    public String issue(String formKey, Instant renderedAt) {
        return signature.issue(formKey, renderedAt);
    }

    public Optional<Instant> verify(String formKey, String value) {
        return signature.verify(formKey, value);
    }
}
