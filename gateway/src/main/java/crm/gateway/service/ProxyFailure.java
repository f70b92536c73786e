package crm.gateway.service;

/**
 * Why a request could not be answered by its service. The detail is safe to show a caller; the cause,
 * for the log, is not.
 */
public final class ProxyFailure extends RuntimeException {

    private final int status;
    private final String title;

    private ProxyFailure(int status, String title, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.title = title;
    }

    static ProxyFailure unreachable(Downstream service, Throwable cause) {
        return new ProxyFailure(503, "Service Unavailable",
                "The " + service.name() + " cannot be reached right now; try again shortly", cause);
    }

    static ProxyFailure timedOut(Downstream service, long timeoutMillis, Throwable cause) {
        return new ProxyFailure(504, "Gateway Timeout",
                "The " + service.name() + " did not answer within " + timeoutMillis + " ms", cause);
    }

    static ProxyFailure brokenAnswer(Downstream service, Throwable cause) {
        return new ProxyFailure(502, "Bad Gateway",
                "The " + service.name() + " broke off the exchange without a complete answer", cause);
    }

    public static ProxyFailure bodyTooLarge(long limitBytes) {
        return new ProxyFailure(413, "Content Too Large",
                "The request body is larger than " + limitBytes + " bytes", null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The client's connection is unusable afterwards: the rest of its body was never read. */
    public boolean leavesRequestUnread() {
        return status == 413;
    }
}
