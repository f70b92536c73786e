package crm.console.rest;

import crm.console.service.ApiAnswer;
import crm.console.service.ApiPath;
import crm.console.service.ApiProblem;
import crm.console.service.Caller;
import crm.console.service.GatewayApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * CSV imports of contacts and of leads (trade-fair lists). The upload starts a job in the owning service;
 * the job page then asks for its progress every second until it has finished, and lists rows it refused.
 */
@Path("/console/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    /** What can be imported, and where its jobs live. */
    static final Map<String, String> TARGETS = Map.of(
            "contacts", "/api/v1/contacts/imports",
            "leads", "/api/v1/leads/imports");

    private final GatewayApi api;
    private final Caller caller;
    private final Pages pages;
    private final Template upload;
    private final Template job;
    private final Template progress;

    public ImportResource(GatewayApi api, Caller caller, Pages pages, @Location("imports/upload.html") Template upload,
                          @Location("imports/job.html") Template job,
                          @Location("imports/progress.html") Template progress) {
        this.api = api;
        this.caller = caller;
        this.pages = pages;
        this.upload = upload;
        this.job = job;
        this.progress = progress;
    }

    @GET
    public Uni<TemplateInstance> uploadPage() {
        return api.get(caller.accessToken(), ApiPath.of(TARGETS.get("contacts")).param("limit", 10))
                .map(recent -> pages.page(upload, "imports").data("recent", recent).data("problem", null));
    }

    /** Reads the uploaded file (on a worker thread: it is on disk) and hands it to the service as text/csv. */
    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> start(@RestForm("target") String target, @RestForm("file") FileUpload file) {
        String path = target == null ? null : TARGETS.get(target);
        if (path == null || file == null || file.size() == 0) {
            return Uni.createFrom().item(Pages.withStatus(400, pages.page(upload, "imports")
                    .data("recent", new ApiAnswer(200, null, null, null))
                    .data("problem", ApiProblem.invalid("file", null))));
        }
        String csv;
        try {
            csv = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Uni.createFrom().item(Pages.withStatus(400, pages.page(upload, "imports")
                    .data("recent", new ApiAnswer(200, null, null, null))
                    .data("problem", ApiProblem.invalid("file", "not readable as UTF-8 text"))));
        }
        return api.send(caller.accessToken(), HttpMethod.POST, ApiPath.of(path), "text/csv", csv, Map.of())
                .map(started -> {
                    String jobId = started.body() == null ? null : started.body().path("id").asText(null);
                    if (started.ok() && jobId != null) {
                        return Pages.seeOther("/console/imports/" + target + "/" + ApiPath.of("", jobId).toString().substring(1));
                    }
                    return Pages.withStatus(Pages.statusFor(started.problem() == null ? ApiProblem.of(502, null)
                                    : started.problem()), pages.page(upload, "imports")
                            .data("recent", new ApiAnswer(200, null, null, null))
                            .data("problem", started.ok() ? ApiProblem.of(502, null) : started.problem()));
                });
    }

    @GET
    @Path("{target}/{jobId}")
    public Uni<Response> job(@PathParam("target") String target, @PathParam("jobId") String jobId) {
        return jobState(target, jobId).map(state -> state == null ? Response.status(404).build()
                : Response.ok(pages.page(job, "imports").data("target", target).data("jobId", jobId)
                        .data("job", state).data("running", running(state))
                        .data("errors", new ApiAnswer(200, null, null, null))).build());
    }

    /** The progress block; while the job runs it carries the polling trigger, once finished it does not. */
    @GET
    @Path("{target}/{jobId}/progress")
    public Uni<Response> progress(@PathParam("target") String target, @PathParam("jobId") String jobId) {
        return jobState(target, jobId).chain(state -> {
            if (state == null) {
                return Uni.createFrom().item(Response.status(404).build());
            }
            boolean running = running(state);
            Uni<ApiAnswer> errors = running ? Uni.createFrom().item(new ApiAnswer(200, null, null, null))
                    : api.get(caller.accessToken(), ApiPath.of(TARGETS.get(target), jobId, "errors").param("limit", 100));
            return errors.map(list -> Response.ok(pages.fragment(progress).data("target", target)
                    .data("jobId", jobId).data("job", state).data("running", running).data("errors", list)).build());
        });
    }

    @POST
    @Path("{target}/{jobId}/cancel")
    public Uni<Response> cancel(@PathParam("target") String target, @PathParam("jobId") String jobId) {
        String path = target == null ? null : TARGETS.get(target);
        if (path == null) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return api.send(caller.accessToken(), HttpMethod.DELETE, ApiPath.of(path, jobId), null, null, Map.of())
                .map(cancelled -> Pages.seeOther("/console/imports/" + target + "/"
                        + ApiPath.of("", jobId).toString().substring(1)));
    }

    private static boolean running(ApiAnswer state) {
        return state.ok() && state.body() != null && "running".equals(state.body().path("status").asText());
    }

    private Uni<ApiAnswer> jobState(String target, String jobId) {
        String path = target == null ? null : TARGETS.get(target);
        if (path == null) {
            return Uni.createFrom().nullItem();
        }
        return api.get(caller.accessToken(), ApiPath.of(path, jobId));
    }
}
