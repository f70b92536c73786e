package crm.gateway.service;

/**
 * Why a request could not be answered by its service. The detail is safe to show a caller; the cause,
 * for the log, is not.
 */
public final class ProxyFailure extends RuntimeException {

    /** What went wrong, which decides whether a safe request is tried again and whether the breaker counts it. */
    enum Kind {
        /** No connection could be made; the service never saw the request. */
        CONNECTION_REFUSED(true, true),
        /** The connection closed before any answer, e.g. a pooled one the service had just closed. */
        CONNECTION_LOST(true, true),
        /** The service stayed silent too long; it may still be working on the request. */
        TIMED_OUT(false, true),
        CIRCUIT_OPEN(false, false),
        BROKEN_ANSWER(false, false),
        BODY_TOO_LARGE(false, false);

        final boolean connectionFailure;
        final boolean countsAgainstService;

        Kind(boolean connectionFailure, boolean countsAgainstService) {
            this.connectionFailure = connectionFailure;
            this.countsAgainstService = countsAgainstService;
        }
    }

    private final Kind kind;
    private final int status;
    private final String title;
    private final long retryAfterSeconds;

    private ProxyFailure(Kind kind, int status, String title, String detail, long retryAfterSeconds,
                         Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ProxyFailure unreachable(Downstream service, Throwable cause) {
        return new ProxyFailure(Kind.CONNECTION_REFUSED, 503, "Service Unavailable",
                "The " + service.name() + " cannot be reached right now; try again shortly", 0, cause);
    }

    /** Connecting took too long: the service may be overloaded, so the request is not sent again. */
    static ProxyFailure connectTimedOut(Downstream service, Throwable cause) {
        return new ProxyFailure(Kind.TIMED_OUT, 503, "Service Unavailable",
                "The " + service.name() + " cannot be reached right now; try again shortly", 0, cause);
    }

    static ProxyFailure connectionLost(Downstream service, Throwable cause) {
        return new ProxyFailure(Kind.CONNECTION_LOST, 502, "Bad Gateway",
                "The " + service.name() + " closed the connection without answering", 0, cause);
    }

    static ProxyFailure circuitOpen(Downstream service, long retryAfterSeconds) {
        return new ProxyFailure(Kind.CIRCUIT_OPEN, 503, "Service Unavailable",
                "The " + service.name() + " is failing; the gateway does not call it for "
                        + retryAfterSeconds + " s", retryAfterSeconds, null);
    }

    static ProxyFailure timedOut(Downstream service, long timeoutMillis, Throwable cause) {
        return new ProxyFailure(Kind.TIMED_OUT, 504, "Gateway Timeout",
                "The " + service.name() + " did not answer within " + timeoutMillis + " ms", 0, cause);
    }

    static ProxyFailure brokenAnswer(Downstream service, Throwable cause) {
        return new ProxyFailure(Kind.BROKEN_ANSWER, 502, "Bad Gateway",
                "The " + service.name() + " broke off the exchange without a complete answer", 0, cause);
    }

    public static ProxyFailure bodyTooLarge(long limitBytes) {
        return new ProxyFailure(Kind.BODY_TOO_LARGE, 413, "Content Too Large",
                "The request body is larger than " + limitBytes + " bytes", 0, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Seconds after which trying again makes sense, or 0 when the gateway cannot say. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The client's connection is unusable afterwards: the rest of its body was never read. */
    public boolean leavesRequestUnread() {
        return kind == Kind.BODY_TOO_LARGE;
    }

    /** Refused by an open breaker: expected while it is open, and logged once when it opened. */
    public boolean refusedByOpenCircuit() {
        return kind == Kind.CIRCUIT_OPEN;
    }

    Kind kind() {
        return kind;
    }
}
