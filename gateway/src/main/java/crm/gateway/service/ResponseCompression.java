package crm.gateway.service;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Locale;

/**
 * Lets Vert.x compress a response the gateway writes itself. With {@code quarkus.http.enable-compression}
 * Quarkus marks every response {@code Content-Encoding: identity} and only its own route kinds lift the
 * mark, so the gateway's plain routes decide here: textual media types are compressed when the client
 * accepts it; images and archives, already compressed, are not. An answer a service compressed itself
 * keeps its own encoding and passes through as it is.
 */
public final class ResponseCompression {

    private ResponseCompression() {
    }

    /** Call before the headers of a response are written. */
    public static void allowFor(MultiMap responseHeaders, String contentType) {
        if (contentType != null && isTextual(contentType.toLowerCase(Locale.ROOT))
                && "identity".equalsIgnoreCase(responseHeaders.get(HttpHeaders.CONTENT_ENCODING))) {
            responseHeaders.remove(HttpHeaders.CONTENT_ENCODING);
        }
    }

    private static boolean isTextual(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml")
                || contentType.contains("javascript") || contentType.contains("yaml");
    }
}
