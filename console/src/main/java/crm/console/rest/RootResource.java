package crm.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The gateway sends the site root here; the console lives under /console. */
@Path("/")
public class RootResource {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console/")).build();
    }
}
