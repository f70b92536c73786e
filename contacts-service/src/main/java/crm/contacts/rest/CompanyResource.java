package crm.contacts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Company;
import crm.contacts.service.CompanyService;
import crm.contacts.service.ContactService;
import crm.contacts.service.NewCompany;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.patch.MergePatch;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

@Path("/api/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies", description = "Organisations (accounts) that contacts work for")
@SecurityRequirement(name = "oidc")
public class CompanyResource {

    private static final String EXAMPLE = """
            {"name": "Velo Logistik GmbH", "domain": "velo-logistik.de", "industry": "Logistics", "size": "50-249",
             "address": {"street": "Am Sandtorkai 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"},
             "parentCompanyId": null, "unitId": "veloce-hamburg"}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "unitId": "veloce-hamburg", "name": "Velo Logistik GmbH",
             "domain": "velo-logistik.de", "industry": "Logistics", "size": "50-249",
             "address": {"street": "Am Sandtorkai 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"},
             "parentCompanyId": null, "version": 1, "createdAt": "2026-11-27T10:15:30.123456Z",
             "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [{\"id\": \"7c9e6679-7425-40de-944b-e07fc1f90ae7\","
            + " \"name\": \"Velo Logistik GmbH\", \"version\": 1}], \"nextCursor\": null}";

    private final CompanyService companies;
    private final ContactService contacts;
    private final ObjectMapper mapper;

    public CompanyResource(CompanyService companies, ContactService contacts, ObjectMapper mapper) {
        this.companies = companies;
        this.contacts = contacts;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Create a company",
            description = "With an Idempotency-Key, a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "company", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location names the new company",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The role or unit does not allow it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewCompany request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return companies.createCompany(request, IdempotencyKey.ofHeader(idempotencyKey),
                        c -> StoredResponse.created(uri.getAbsolutePathBuilder().path(c.id().toString()).build(),
                                ExpectedVersion.etag(c.version()), CompanyView.of(c)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a company")
    @APIResponse(responseCode = "200", description = "The company, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "company", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such company in your tenant and unit")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return companies.findCompany(id).map(this::ok);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List companies, oldest change first; updatedSince for delta sync")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit, cursor or updatedSince is invalid")
    public Uni<Page<CompanyView>> list(
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only companies changed at or after this instant (ISO 8601)",
                    example = "2026-01-31T00:00:00Z") @QueryParam("updatedSince") String updatedSince) {
        PageRequest page = PageRequest.of(limit, cursor);
        return companies.listCompanies(parseInstant(updatedSince), page)
                .map(p -> new Page<>(p.items().stream().map(CompanyView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("{id}/contacts")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List the contacts of a company, oldest change first")
    @APIResponse(responseCode = "200", description = "One page of the contacts you may see and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = "{\"items\": [{\"id\":"
                    + " \"2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11\", \"firstName\": \"Jana\", \"lastName\": \"Schulz\","
                    + " \"companyId\": \"7c9e6679-7425-40de-944b-e07fc1f90ae7\"}], \"nextCursor\": null}")))
    @APIResponse(responseCode = "404", description = "No such company in your tenant and unit")
    public Uni<Page<ContactView>> contacts(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return contacts.listContactsOfCompany(id, PageRequest.of(limit, cursor)).map(ContactResource::views);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Replace a company's settable fields",
            description = "Fields left out are cleared. Send If-Match with the ETag you read; the new ETag is returned.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "company", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "company", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the parent would close a cycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such company in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(@PathParam("id") UUID id, NewCompany request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return companies.replaceCompany(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(this::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Change some of a company's fields (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "new size", value = "{\"size\": \"250-999\", \"industry\": null}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "company", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid")
    @APIResponse(responseCode = "404", description = "No such company in your tenant and unit")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return companies.patchCompany(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(this::ok);
    }

    private Response ok(Company c) {
        return Response.ok(CompanyView.of(c)).tag(ExpectedVersion.etag(c.version())).build();
    }

    private static OffsetDateTime parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("updatedSince", "must be an ISO 8601 date-time with offset");
        }
    }
}
