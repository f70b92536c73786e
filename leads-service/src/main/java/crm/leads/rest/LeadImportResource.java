package crm.leads.rest;

import crm.leads.domain.Channel;
import crm.leads.repository.LeadImportRepository.ImportJob;
import crm.leads.repository.LeadImportRepository.RowError;
import crm.leads.service.LeadImportService;
import crm.platform.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lead imports", description = "Trade-fair and event lists as CSV")
@SecurityRequirement(name = "oidc")
public class LeadImportResource {

    static final String CSV = """
            Anrede;Vorname;Nachname;E-Mail;Telefon;Firma;PLZ;Ort;Produkte
            Frau;Jana;Schulz;jana.schulz@example.com;0170 1234567;Velo Logistik GmbH;20095;Hamburg;EB-CARGO-500
            Herr;Ole;Hansen;;040 5550102;;22767;Hamburg;EB-TOUR-300|EB-CARGO-500
            """;
    static final String JOB = """
            {"id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "status": "completed", "channel": "trade_fair",
             "campaignId": null, "totalRows": 3, "created": 1, "attached": 1, "failed": 1,
             "errors": [{"row": 4, "field": "email", "message": "a lead needs an e-mail address or a phone number"}],
             "createdAt": "2026-11-27T10:15:30.123456Z", "finishedAt": "2026-11-27T10:15:31.654321Z"}""";

    /** An import job as the API shows it. Row numbers count the header line as row 1. */
    public record ImportJobView(UUID id, String status, Channel channel, UUID campaignId, int totalRows, int created,
                                int attached, int failed, List<RowError> errors, OffsetDateTime createdAt,
                                OffsetDateTime finishedAt) {

        static ImportJobView of(ImportJob j) {
            return new ImportJobView(j.id(), j.status().name().toLowerCase(Locale.ROOT), j.channel(), j.campaignId(),
                    j.totalRows(), j.created(), j.attached(), j.failed(), j.errors(), j.createdAt(), j.finishedAt());
        }
    }

    private final LeadImportService service;

    public LeadImportResource(LeadImportService service) {
        this.service = service;
    }

    @POST
    @Blocking
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Import a trade-fair or event list (CSV)",
            description = "Header line first; comma, semicolon or tab separated; UTF-8. Columns (English or German):"
                    + " salutation, firstName, lastName, email, phone, companyName, companyDomain, companySize,"
                    + " postalCode, city, countryCode, productsOfInterest (| separated), sourceDetails, message. Each"
                    + " row is captured like an API lead (dedupe, scoring, routing, speed-to-lead); rows matching an"
                    + " open lead are attached to it, so a list imported twice is not doubled. Invalid rows are"
                    + " listed on the job with row, field and reason.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "trade fair", value = CSV)))
    @APIResponse(responseCode = "201", description = "The finished job; Location names it",
            content = @Content(examples = @ExampleObject(name = "job", value = JOB)))
    @APIResponse(responseCode = "400", description = "No usable header, or a parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    public Response importCsv(InputStream body,
                              @Parameter(description = "Channel of every row; default trade_fair", example = "trade_fair")
                              @QueryParam("channel") String channel,
                              @Parameter(description = "Campaign every row is attributed to") @QueryParam("campaignId")
                              String campaignId,
                              @Parameter(description = "Unit of every row (headquarters only); else routing decides")
                              @QueryParam("unitId") String unitId,
                              @Context UriInfo uri) {
        ImportJob job = service.importCsv(body, channel, campaignId, unitId);
        return Response.created(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .entity(ImportJobView.of(job)).build();
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Read an import job", description = "Counts and the per-row errors (the first 1000).")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(examples = @ExampleObject(name = "job", value = JOB)))
    @APIResponse(responseCode = "404", description = "No such job in your tenant and unit")
    public Uni<ImportJobView> get(@PathParam("jobId") UUID jobId) {
        return service.findJob(jobId).map(ImportJobView::of);
    }
}
