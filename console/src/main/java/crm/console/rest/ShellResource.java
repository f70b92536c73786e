package crm.console.rest;

import crm.console.service.LanguageChoice;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The language switch and the page after signing out. They share the path of the other /console resources:
 * the request matching picks a resource class by its path first, so a class at "/" would never be asked.
 */
@Path("/console")
public class ShellResource {

    /** A year: the choice is a preference, not a secret. */
    private static final int LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

    private final Pages pages;
    private final Template signedOut;

    public ShellResource(Pages pages, @Location("shell/signed-out.html") Template signedOut) {
        this.pages = pages;
        this.signedOut = signedOut;
    }

    /** Remembers the language in a cookie and goes back to the page the user was on. */
    @GET
    @Path("language")
    public Response language(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        String target = safeBack(back);
        if (!LanguageChoice.supported(lang)) {
            return Response.seeOther(URI.create(target)).build();
        }
        NewCookie cookie = new NewCookie.Builder(LanguageChoice.COOKIE).value(lang).path("/")
                .maxAge(LANGUAGE_COOKIE_SECONDS).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.instance().data("lang", pages.locale().getLanguage()).setLocale(pages.locale());
    }

    /** Only a path of the console itself: never another site (no open redirect). */
    static String safeBack(String back) {
        boolean console = back != null && (back.equals("/console") || back.startsWith("/console/")
                || back.startsWith("/console?"));
        if (!console || back.contains("..") || back.contains("\\") || back.contains("\r") || back.contains("\n")) {
            return "/console/";
        }
        return back;
    }
}
