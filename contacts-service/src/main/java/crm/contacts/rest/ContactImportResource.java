package crm.contacts.rest;

import crm.contacts.domain.ImportRowError;
import crm.contacts.service.ContactImportService;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact imports", description = "CSV imports of contacts as jobs with progress and error reports")
@SecurityRequirement(name = "oidc")
public class ContactImportResource {

    static final String CSV = "text/csv";
    private static final String CSV_EXAMPLE = """
            externalId,salutation,firstName,lastName,email,phone,street,postalCode,city,country,tags,cf.frame_size
            shop-4711,Frau,Jana,Schulz,jana.schulz@example.com,0170 1234567,Mönckebergstraße 7,20095,Hamburg,DE,e-bike|newsletter,M
            shop-4712,Herr,Ole,Hansen,ole.hansen@example.com,,,,,,,L
            """;
    private static final String JOB_EXAMPLE = """
            {"id": "3b241101-e2bb-4255-8caf-4136c566a962", "status": "completed", "rowsRead": 100000,
             "created": 99120, "updated": 850, "unchanged": 0, "failed": 30, "errorsListed": 30, "failureReason": null,
             "unitId": null, "createdBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e",
             "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:16:02.654321Z",
             "finishedAt": "2026-11-27T10:16:02.654321Z"}""";
    private static final String ERRORS_EXAMPLE = """
            {"items": [{"row": 17, "field": "email", "reason": "must be an e-mail address such as name@example.com"},
                       {"row": 42, "field": "cf.frame_size", "reason": "must be one of S, M, L, XL"}],
             "nextCursor": null}""";

    private final ContactImportService imports;

    public ContactImportResource(ContactImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(CSV)
    @Blocking
    @RolesAllowed({"admin", "manager", "integration"})
    @Operation(summary = "Import contacts from a CSV file",
            description = "A header line names the columns (any order, case ignored): externalId, salutation,"
                    + " academicTitle, firstName and lastName (required), email, phone, street, postalCode, city,"
                    + " country, companyId, lifecycleStage, ownerId, unitId, tags (separated by |), source and"
                    + " cf.<custom field key>; id, createdAt and updatedAt (as the export writes them) are ignored."
                    + " Comma, semicolon or tab separated, UTF-8. Each row updates the contact with its externalId,"
                    + " else the one with its e-mail as primary address, else creates a contact; blank cells keep"
                    + " what the contact has. A bad row is reported (row, column, reason) and skipped. The file is"
                    + " read as it arrives and written in batches: progress is visible with GET while it runs, DELETE"
                    + " cancels. The answer comes when the file is done. Up to 1 GB.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "two contacts", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The job as it ended (completed, cancelled or failed); Location names it",
            content = @Content(examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is empty or its header names an unknown column",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins, managers and integrations import")
    @APIResponse(responseCode = "409", description = "An import with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = "The file is larger than the import allows")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another file")
    public Response importCsv(InputStream body,
                              @Parameter(in = ParameterIn.HEADER, description = "Makes a repeated upload safe; 1-255 visible"
                                      + " ASCII characters", example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                              @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                              @Context UriInfo uri) throws IOException {
        ContactImportService.Outcome outcome = imports.importCsv(body, IdempotencyKey.ofHeader(idempotencyKey));
        return new StoredResponse(201, uri.getAbsolutePathBuilder().path(outcome.job().id().toString()).build().toString(),
                null, ContactImportView.of(outcome.job()), outcome.replayed()).toResponse();
    }

    @GET
    @RolesAllowed({"admin", "manager", "integration"})
    @Operation(summary = "List import jobs, newest first",
            description = "A franchisee sees its unit's imports, HQ all; running ones show their progress.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "jobs", value = "{\"items\": [" + JOB_EXAMPLE
                    + "], \"nextCursor\": null}")))
    @APIResponse(responseCode = "400", description = "limit or cursor is invalid")
    public Uni<Page<ContactImportView>> list(
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return imports.listImports(PageRequest.of(limit, cursor))
                .map(p -> new Page<>(p.items().stream().map(ContactImportView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({"admin", "manager", "integration"})
    @Operation(summary = "Read an import job and its progress",
            description = "rowsRead = created + updated + unchanged + failed, counted per committed batch.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import in your tenant and unit")
    public Uni<ContactImportView> get(@PathParam("jobId") UUID jobId) {
        return imports.findImport(jobId).map(ContactImportView::of);
    }

    @GET
    @Path("{jobId}/errors")
    @RolesAllowed({"admin", "manager", "integration"})
    @Operation(summary = "Read an import's error report, in file order",
            description = "One entry per problem: the row (the header is row 1), the column and the reason. Values"
                    + " are never repeated, so the report holds no personal data.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "errors", value = ERRORS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit or cursor is invalid")
    @APIResponse(responseCode = "404", description = "No such import in your tenant and unit")
    public Uni<Page<ImportRowError>> errors(@PathParam("jobId") UUID jobId,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return imports.listErrors(jobId, PageRequest.of(limit, cursor))
                .map(p -> new Page<>(p.items().stream().map(e -> e.error()).toList(), p.nextCursor()));
    }

    @DELETE
    @Path("{jobId}")
    @RolesAllowed({"admin", "manager", "integration"})
    @Operation(summary = "Cancel a running import",
            description = "The batch being written still commits, nothing after it; the upload's answer then shows"
                    + " the job as cancelled.")
    @APIResponse(responseCode = "200", description = "The cancelled job",
            content = @Content(examples = @ExampleObject(name = "cancelled", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import in your tenant and unit")
    @APIResponse(responseCode = "409", description = "The import has ended already")
    public Uni<ContactImportView> cancel(@PathParam("jobId") UUID jobId) {
        return imports.cancelImport(jobId).map(ContactImportView::of);
    }
}
