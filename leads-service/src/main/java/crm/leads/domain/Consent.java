package crm.leads.domain;

import java.time.OffsetDateTime;

/**
 * What the person agreed to when the lead was captured: whether they consented to be contacted, the
 * wording they saw and its version, where (e.g. {@code web_form:<key>}) and when.
 */
public record Consent(boolean given, String wording, String wordingVersion, String source, OffsetDateTime capturedAt) {
}
