package crm.leads.rest;

import crm.leads.config.LeadsConfig;
import crm.leads.domain.WebForm;
import crm.leads.service.NewWebForm;
import crm.leads.service.WebFormService;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

@Path("/api/v1/forms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Web forms", description = "Public lead forms of a tenant (admin)")
@SecurityRequirement(name = "oidc")
public class WebFormResource {

    static final String FORM = """
            {"name": "Probefahrt Hamburg", "title": "Jetzt Probefahrt vereinbaren",
             "fields": [{"name": "firstName", "label": "Vorname", "required": false},
                        {"name": "lastName", "label": "Nachname", "required": true},
                        {"name": "email", "label": "E-Mail", "required": true},
                        {"name": "postalCode", "label": "PLZ", "required": true},
                        {"name": "productsOfInterest", "label": "Modell", "required": false,
                         "options": ["EB-CARGO-500", "EB-TOUR-300"]}],
             "channel": "website", "consentText": "Ich bin einverstanden, dass Veloce mich zur Probefahrt kontaktiert.",
             "consentVersion": "2026-01", "consentRequired": true, "minimumFillSeconds": 3, "honeypotField": "website",
             "unitId": "veloce-hamburg"}""";
    static final String VIEW = """
            {"formKey": "fk3v9x2m7q1p8z4w6r0t", "unitId": "veloce-hamburg", "name": "Probefahrt Hamburg",
             "title": "Jetzt Probefahrt vereinbaren", "fields": [{"name": "lastName", "label": "Nachname",
             "required": true, "options": []}], "campaignId": null, "channel": "website", "productsOfInterest": [],
             "consentText": "Ich bin einverstanden, dass Veloce mich zur Probefahrt kontaktiert.",
             "consentVersion": "2026-01", "consentRequired": true, "minimumFillSeconds": 3, "honeypotField": "website",
             "enabled": true, "publicUrl": "https://crm.example.com/public/v1/forms/fk3v9x2m7q1p8z4w6r0t",
             "embedSnippet": "<form id=\\"crm-form-fk3v9x2m7q1p8z4w6r0t\\" class=\\"crm-lead-form\\"></form><script>...</script>",
             "version": 1, "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";

    private final WebFormService service;
    private final LeadsConfig config;

    public WebFormResource(WebFormService service, LeadsConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create a web form", description = "The answer carries the generated key, the public URL"
            + " and the embed snippet. unitId (the default unit for submissions no territory claims) is honoured for"
            + " headquarters; a franchisee admin's forms belong to their unit.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "test ride", value = FORM)))
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location names the form",
            content = @Content(examples = @ExampleObject(name = "form", value = VIEW)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin, or another unit")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewWebForm request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return service.createForm(request, IdempotencyKey.ofHeader(idempotencyKey),
                        f -> StoredResponse.created(uri.getAbsolutePathBuilder().path(f.formKey()).build(),
                                ExpectedVersion.etag(f.version()), view(f)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "List web forms", description = "Oldest change first, keyset paged.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = "{\"items\": [" + VIEW
                    + "], \"nextCursor\": null}")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<WebFormView>> list(@Parameter(description = "Page size, 1 to 200", example = "50")
                                       @QueryParam("limit") Integer limit,
                                       @Parameter(description = "nextCursor of the previous page")
                                       @QueryParam("cursor") String cursor) {
        return service.listForms(PageRequest.of(limit, cursor))
                .map(page -> new Page<>(page.items().stream().map(this::view).toList(), page.nextCursor()));
    }

    @GET
    @Path("{formKey}")
    @RolesAllowed("admin")
    @Operation(summary = "Read a web form")
    @APIResponse(responseCode = "200", description = "The form; ETag is its version",
            content = @Content(examples = @ExampleObject(name = "form", value = VIEW)))
    @APIResponse(responseCode = "404", description = "No such form in your tenant and unit")
    public Uni<Response> get(@PathParam("formKey") String formKey) {
        return service.findForm(formKey).map(this::ok);
    }

    @PUT
    @Path("{formKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a web form", description = "enabled=false takes it offline (its public URL answers"
            + " 404). Send If-Match with the ETag you read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "test ride", value = FORM)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "form", value = VIEW)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such form in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(@PathParam("formKey") String formKey, NewWebForm request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"1\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return service.replaceForm(formKey, ExpectedVersion.ofIfMatch(ifMatch), request).map(this::ok);
    }

    private WebFormView view(WebForm f) {
        return WebFormView.of(f, config.forms().publicBaseUrl());
    }

    private Response ok(WebForm f) {
        return Response.ok(view(f)).tag(ExpectedVersion.etag(f.version())).build();
    }
}
