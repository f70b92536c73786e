package crm.console.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * An API path with its query, each value percent-encoded; blank values are left out, so a filter form's
 * empty fields do not become empty filters.
 */
public final class ApiPath {

    private final StringBuilder uri;
    private boolean hasQuery;

    private ApiPath(String path) {
        this.uri = new StringBuilder(path);
        this.hasQuery = path.contains("?");
    }

    /** A path made of fixed parts and ids; each id is encoded as one path segment. */
    public static ApiPath of(String first, Object... segments) {
        StringBuilder path = new StringBuilder(first);
        for (Object segment : segments) {
            path.append('/').append(segment(String.valueOf(segment)));
        }
        return new ApiPath(path.toString());
    }

    public ApiPath param(String name, Object value) {
        if (value instanceof Collection<?> values) {
            values.forEach(v -> param(name, v));
            return this;
        }
        if (value == null || value.toString().isBlank()) {
            return this;
        }
        uri.append(hasQuery ? '&' : '?').append(encode(name)).append('=').append(encode(value.toString().trim()));
        hasQuery = true;
        return this;
    }

    /** One path segment; "." and ".." are encoded too, so an id can never climb out of its resource. */
    static String segment(String value) {
        String encoded = encode(value);
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
