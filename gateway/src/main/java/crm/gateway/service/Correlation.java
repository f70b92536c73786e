package crm.gateway.service;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers that tie one request together across the gateway, the services and the logs: the
 * caller's {@code X-Request-Id} and W3C {@code traceparent} when they are well-formed, fresh ones otherwise.
 *
 * @param traceContinued whether the caller's trace goes on; its {@code tracestate} is only meaningful then
 */
public record Correlation(String requestId, String traceparent, boolean traceContinued) {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);

    public static Correlation from(MultiMap headers) {
        String requestId = single(headers.getAll(REQUEST_ID));
        String traceparent = single(headers.getAll(TRACEPARENT));
        boolean continued = isValidTraceparent(traceparent);
        return new Correlation(isSaneRequestId(requestId) ? requestId : newRequestId(),
                continued ? traceparent : newTraceparent(), continued);
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a request id only has to be unique, not
     * unguessable; {@link UUID#randomUUID()} draws from the one shared, synchronised {@code SecureRandom}
     * for every request.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0x3L << 62) | (0x2L << 62);
        return new UUID(high, low).toString();
    }

    /** Sane means it cannot break a log line or a header: short, and only letters, digits, {@code -_.}. */
    static boolean isSaneRequestId(String value) {
        return value != null && SANE_REQUEST_ID.matcher(value).matches();
    }

    /** Per W3C Trace Context: version {@code ff} and all-zero ids are invalid; version 00 has no suffix. */
    static boolean isValidTraceparent(String value) {
        if (value == null) {
            return false;
        }
        Matcher m = TRACEPARENT_FORMAT.matcher(value);
        if (!m.matches() || m.group(1).equals("ff")) {
            return false;
        }
        if (m.group(1).equals("00") && m.group(5) != null) {
            return false;
        }
        return !m.group(2).equals(ZERO_TRACE_ID) && !m.group(3).equals(ZERO_PARENT_ID);
    }

    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId;
        String parentId;
        do {
            traceId = hex(random.nextLong()) + hex(random.nextLong());
            parentId = hex(random.nextLong());
        } while (traceId.equals(ZERO_TRACE_ID) || parentId.equals(ZERO_PARENT_ID));
        return "00-" + traceId + "-" + parentId + "-01";
    }

    /** A header sent twice is ambiguous; it counts as absent. */
    private static String single(List<String> values) {
        return values.size() == 1 ? values.get(0) : null;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
