package crm.leads.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.leads.domain.Product;
import crm.leads.service.NewProduct;
import crm.leads.service.ProductService;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.patch.MergePatch;
import crm.platform.problem.Problem;
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

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The brand's catalogue of products and services; maintained by headquarters")
@SecurityRequirement(name = "oidc")
public class ProductResource {

    private static final String EXAMPLE = """
            {"sku": "EB-CITY-500", "name": "City e-bike 500 Wh", "category": "e-bikes", "kind": "product",
             "listPrice": 2999.00, "currency": "EUR", "active": true}""";
    private static final String VIEW_EXAMPLE = """
            {"id": "0b8f7a52-3d4e-4c1a-9b2f-6a7e8d9c0b1a", "sku": "EB-CITY-500", "name": "City e-bike 500 Wh",
             "category": "e-bikes", "kind": "product", "listPrice": 2999.00, "currency": "EUR", "active": true,
             "version": 1, "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    private static final String PAGE_EXAMPLE = "{\"items\": [{\"id\": \"0b8f7a52-3d4e-4c1a-9b2f-6a7e8d9c0b1a\","
            + " \"sku\": \"EB-CITY-500\", \"name\": \"City e-bike 500 Wh\", \"kind\": \"product\", \"listPrice\": 2999.00,"
            + " \"currency\": \"EUR\", \"active\": true, \"version\": 1}], \"nextCursor\": null}";
    private static final String SKU_TAKEN_EXAMPLE = "{\"type\": \"about:blank\", \"title\": \"Conflict\", \"status\": 409,"
            + " \"detail\": \"SKU EB-CITY-500 is already used by another product of this catalogue\","
            + " \"errors\": [{\"field\": \"sku\", \"message\": \"is already used by another product\"}]}";

    private final ProductService products;
    private final ObjectMapper mapper;

    public ProductResource(ProductService products, ObjectMapper mapper) {
        this.products = products;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Add a product or service to the catalogue (headquarters only)",
            description = "With an Idempotency-Key, a repeat of the same request within 24 h returns the first answer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created (or replayed); Location names the new product",
            content = @Content(examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or manager at headquarters")
    @APIResponse(responseCode = "409", description = "The SKU is taken in this catalogue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "sku taken",
                    value = SKU_TAKEN_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Uni<Response> create(NewProduct request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe; 1-255 visible ASCII characters",
                                        example = "6d1c3a52-2f7e-4d69-9a8f-0c1b2d3e4f5a")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return products.createProduct(request, IdempotencyKey.ofHeader(idempotencyKey),
                        p -> StoredResponse.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build(),
                                ExpectedVersion.etag(p.version()), ProductView.of(p)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read a catalogue item")
    @APIResponse(responseCode = "200", description = "The product, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "product", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such product in your tenant")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return products.findProduct(id).map(ProductResource::ok);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List the catalogue, oldest change first; updatedSince for delta sync")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter, limit, cursor or updatedSince is invalid")
    public Uni<Page<ProductView>> list(
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "true: only items on sale; false: only retired ones", example = "true")
            @QueryParam("active") String active,
            @Parameter(description = "Only this category", example = "e-bikes") @QueryParam("category") String category,
            @Parameter(description = "product or service", example = "service") @QueryParam("kind") String kind,
            @Parameter(description = "Only the item with this SKU", example = "EB-CITY-500") @QueryParam("sku") String sku,
            @Parameter(description = "Only items changed at or after this instant (RFC 3339)",
                    example = "2026-01-31T00:00:00Z") @QueryParam("updatedSince") String updatedSince) {
        PageRequest page = PageRequest.of(limit, cursor);
        return products.listProducts(new ProductService.ProductListParams(active, category, kind, sku, updatedSince), page)
                .map(p -> new Page<>(p.items().stream().map(ProductView::of).toList(), p.nextCursor()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Replace a catalogue item's settable fields (headquarters only)",
            description = "Fields left out take their defaults. Send If-Match with the ETag you read; the new ETag is returned.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "product", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "product", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or manager at headquarters")
    @APIResponse(responseCode = "404", description = "No such product in your tenant")
    @APIResponse(responseCode = "409", description = "The new SKU is taken in this catalogue")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(@PathParam("id") UUID id, NewProduct request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return products.replaceProduct(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(ProductResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Change some of a catalogue item's fields (JSON merge patch; headquarters only)")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "retire", value = "{\"active\": false}")))
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "product", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The patch or a resulting field is invalid")
    @APIResponse(responseCode = "403", description = "Not an admin or manager at headquarters")
    @APIResponse(responseCode = "404", description = "No such product in your tenant")
    @APIResponse(responseCode = "409", description = "The new SKU is taken in this catalogue")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> patch(@PathParam("id") UUID id, String patch,
                               @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
                               @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        return products.patchProduct(id, ExpectedVersion.ofIfMatch(ifMatch), mapper.readTree(patch == null ? "" : patch))
                .map(ProductResource::ok);
    }

    private static Response ok(Product p) {
        return Response.ok(ProductView.of(p)).tag(ExpectedVersion.etag(p.version())).build();
    }
}
