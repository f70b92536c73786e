package crm.leads.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code renderedAt} value a public form hands out with its definition and expects back with the
 * submission: the time the form was served, signed with an HMAC over form key and time, so that a bot can
 * neither forge an old time nor reuse a value of another form. Format: {@code <epoch millis>.<signature>}.
 */
public final class RenderedAtSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public RenderedAtSignature(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the form signing secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(String formKey, Instant renderedAt) {
        long millis = renderedAt.toEpochMilli();
        return millis + "." + sign(formKey, millis);
    }

    /** The time the value was issued for this form, or empty when it is missing, malformed or forged. */
    public Optional<Instant> verify(String formKey, String value) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = sign(formKey, millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        // Constant time, so the signature cannot be guessed byte by byte from response times.
        return MessageDigest.isEqual(expected, given) ? Optional.of(Instant.ofEpochMilli(millis)) : Optional.empty();
    }

    private String sign(String formKey, long millis) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            byte[] digest = mac.doFinal((formKey + "\n" + millis).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
