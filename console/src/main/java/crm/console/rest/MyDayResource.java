package crm.console.rest;

import crm.console.service.ApiAnswer;
import crm.console.service.ApiPath;
import crm.console.service.Caller;
import crm.console.service.GatewayApi;
import crm.console.service.UserView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The start page: what is due today for the signed-in user (for a manager, the unit): follow-ups due and
 * overdue, leads whose speed-to-lead clock is about to run out or has, tickets near their SLA.
 */
@Path("/console")
public class MyDayResource {

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final Template day;

    public MyDayResource(GatewayApi api, Caller caller, Pages pages, @Location("shell/my-day.html") Template day) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.day = day;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> myDay() {
        UserView user = caller.view();
        String token = caller.accessToken();
        // A manager plans for the unit (or, at headquarters, the brand); everyone else for themselves.
        boolean wide = user.manager();
        Uni<ApiAnswer> tasks = api.get(token, ApiPath.of("/api/v1/tasks")
                .param("view", wide ? "unit" : "mine").param("status", "open").param("limit", 100));
        Uni<ApiAnswer> atRiskLeads = api.get(token, wide
                ? ApiPath.of("/api/v1/leads").param("view", "at-risk").param("limit", 50)
                : ApiPath.of("/api/v1/leads").param("view", "mine").param("limit", 100));
        Uni<ApiAnswer> breachedLeads = wide
                ? api.get(token, ApiPath.of("/api/v1/leads").param("view", "breached").param("limit", 50))
                : Uni.createFrom().item(new ApiAnswer(200, null, null, null));
        Uni<ApiAnswer> tickets = api.get(token, wide
                ? ApiPath.of("/api/v1/tickets").param("view", "at-risk").param("limit", 50)
                : ApiPath.of("/api/v1/tickets").param("view", "mine").param("status", "open").param("limit", 100));
        return Uni.combine().all().unis(tasks, atRiskLeads, breachedLeads, tickets).asTuple()
                .map(all -> pages.page(day, "day")
                        .data("wide", wide)
                        .data("tasks", all.getItem1())
                        .data("leads", all.getItem2())
                        .data("breached", all.getItem3())
                        .data("tickets", all.getItem4()));
    }
}
