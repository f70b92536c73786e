package crm.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser libraries, from their WebJars on the classpath, under {@code /console/assets} so that they
 * travel through the gateway's console route like every page. Only the files named here are served.
 */
@Path("/console/assets")
public class AssetResource {

    /** The file a page asks for, and where its WebJar keeps it (versions as in the pom). */
    static final Map<String, String> FILES = Map.of(
            "htmx.min.js", "META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js",
            "echarts.min.js", "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js");

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @GET
    @Path("{name}")
    public Response asset(@PathParam("name") String name) {
        String resource = FILES.get(name);
        if (resource == null) {
            return Response.status(404).build();
        }
        byte[] content = loaded.computeIfAbsent(resource, AssetResource::read);
        return Response.ok(content, "text/javascript; charset=utf-8")
                // The version is part of the release: a day in the browser's cache is safe and spares the gateway.
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; check the WebJar versions");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
