package crm.gateway.service;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What crosses the gateway in headers. Services trust nothing a client says about tenants, units,
 * internal calls or its own address, so such headers never reach them; hop-by-hop headers describe one
 * connection and stop at the gateway in both directions (RFC 9110, section 7.6.1).
 */
public final class ForwardedHeaders {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");
    private static final Set<String> CLIENT_FORBIDDEN_PREFIXES = Set.of(
            "x-tenant", "x-unit", "x-internal", "x-forwarded");
    /**
     * Set by the gateway itself, from the request and its {@link Correlation}. {@code Expect} is answered
     * by the gateway, which has already decided to accept the body.
     */
    private static final Set<String> REPLACED = Set.of("host", "expect", "x-request-id", "traceparent");

    private ForwardedHeaders() {
    }

    /**
     * The headers a service receives: the client's end-to-end headers (Authorization among them) minus
     * the forbidden ones, plus the correlation ids and the client's address and scheme as the gateway saw
     * them. {@code Host} is not among them; the proxy passes it on as the request's authority.
     */
    public static MultiMap toDownstream(MultiMap incoming, Correlation correlation, String clientAddress,
                                        String scheme) {
        Set<String> connectionScoped = connectionScoped(incoming);
        MultiMap outgoing = HttpHeaders.headers();
        for (Map.Entry<String, String> header : incoming) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            boolean staleTraceState = name.equals("tracestate") && !correlation.traceContinued();
            if (!isHopByHop(name) && !connectionScoped.contains(name) && !isClientForbidden(name)
                    && !REPLACED.contains(name) && !staleTraceState) {
                outgoing.add(header.getKey(), header.getValue());
            }
        }
        outgoing.set(Correlation.REQUEST_ID, correlation.requestId());
        outgoing.set(Correlation.TRACEPARENT, correlation.traceparent());
        if (clientAddress != null) {
            outgoing.set(X_FORWARDED_FOR, clientAddress);
        }
        outgoing.set(X_FORWARDED_PROTO, scheme);
        return outgoing;
    }

    /** Copies a service's answer headers to the client's response, without the hop-by-hop ones. */
    public static void copyFromDownstream(MultiMap answer, MultiMap response) {
        Set<String> connectionScoped = connectionScoped(answer);
        for (Map.Entry<String, String> header : answer) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!isHopByHop(name) && !connectionScoped.contains(name)) {
                response.add(header.getKey(), header.getValue());
            }
        }
    }

    static boolean isHopByHop(String lowerCaseName) {
        return HOP_BY_HOP.contains(lowerCaseName) || lowerCaseName.startsWith("proxy-");
    }

    static boolean isClientForbidden(String lowerCaseName) {
        return lowerCaseName.equals("forwarded") || lowerCaseName.equals("x-real-ip")
                || CLIENT_FORBIDDEN_PREFIXES.stream().anyMatch(lowerCaseName::startsWith);
    }

    /** Headers a sender lists in {@code Connection} are meant for the next hop only. */
    private static Set<String> connectionScoped(MultiMap headers) {
        Set<String> names = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
