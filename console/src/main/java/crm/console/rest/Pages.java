package crm.console.rest;

import crm.console.service.ApiProblem;
import crm.console.service.Caller;
import crm.console.service.LanguageChoice;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * What every page of this request shares: the signed-in user, the language, the navigation section and
 * whether htmx asked for a fragment only.
 */
@RequestScoped
public class Pages {

    private final Caller caller;
    private final HttpServerRequest request;

    public Pages(Caller caller, HttpServerRequest request) {
        this.caller = caller;
        this.request = request;
    }

    public Locale locale() {
        Cookie choice = request.getCookie(LanguageChoice.COOKIE);
        return LanguageChoice.choose(choice == null ? null : choice.getValue(), request.getHeader("Accept-Language"));
    }

    /** A whole page in the layout, its navigation entry {@code section} marked as current. */
    public TemplateInstance page(Template template, String section) {
        return fragment(template).data("section", section);
    }

    /** A template with the user and language set; for htmx fragments and whole pages alike. */
    public TemplateInstance fragment(Template template) {
        Locale locale = locale();
        return template.instance()
                .data("user", caller.view())
                .data("lang", locale.getLanguage())
                .data("here", request.uri())
                .data("section", "")
                .setLocale(locale);
    }

    /** Whether htmx sent the request and swaps the answer into the page. */
    public boolean htmx() {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** An answer with the status the API gave, so a refused or invalid form keeps its meaning in HTTP too. */
    public static Response withStatus(int status, TemplateInstance body) {
        return Response.status(status).entity(body).build();
    }

    /** The HTTP status a page answers with for an API problem: the API's, or 502 for its failures. */
    public static int statusFor(ApiProblem problem) {
        return problem.status() >= 500 ? 502 : problem.status();
    }

    /** After a successful form post without htmx: back to a page (post, redirect, get). */
    public static Response seeOther(String path) {
        return Response.seeOther(java.net.URI.create(path)).build();
    }
}
