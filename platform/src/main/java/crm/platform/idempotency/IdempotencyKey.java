package crm.platform.idempotency;

import crm.platform.problem.ProblemException;

/** The client's {@code Idempotency-Key}: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** {@code null} when the header is absent; 400 naming the header when it is malformed. */
    public static IdempotencyKey ofHeader(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_LENGTH || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badRequest(HEADER, "must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters, e.g. a UUID");
        }
        return new IdempotencyKey(header);
    }
}
