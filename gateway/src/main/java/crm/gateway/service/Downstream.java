package crm.gateway.service;

import java.net.URI;
import java.util.Locale;

/** A service behind the gateway: where to connect. Paths travel unchanged, so a base URL has none. */
public record Downstream(String name, String host, int port, boolean ssl) {

    public static Downstream of(String name, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("The URL of " + name + " must be http(s)://host[:port], not " + url);
        }
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || url.getRawQuery() != null) {
            throw new IllegalArgumentException("The URL of " + name + " must not have a path or query"
                    + " (the gateway forwards request paths unchanged): " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() != -1 ? url.getPort() : ssl ? 443 : 80;
        return new Downstream(name, url.getHost(), port, ssl);
    }
}
