package crm.tickets.rest;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.tickets.domain.Article;
import crm.tickets.service.ArticleService;
import crm.tickets.service.NewArticle;
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

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge base", description = "Brand-wide articles that solve customers' problems")
@SecurityRequirement(name = "oidc")
public class ArticleResource {

    private final ArticleService articles;

    public ArticleResource(ArticleService articles) {
        this.articles = articles;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Write an article", description = "Articles are brand-wide: headquarters staff write them,"
            + " franchisee staff read them.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "error E42", value = Examples.NEW_ARTICLE)))
    @APIResponse(responseCode = "201", description = "Created (or replayed)",
            content = @Content(examples = @ExampleObject(name = "article", value = Examples.ARTICLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not headquarters staff")
    public Uni<Response> create(NewArticle request,
                                @Parameter(in = ParameterIn.HEADER, description = "Makes retries safe",
                                        example = "3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b")
                                @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                                @Context UriInfo uri) {
        return articles.createArticle(request, IdempotencyKey.ofHeader(idempotencyKey),
                        a -> StoredResponse.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build(),
                                ExpectedVersion.etag(a.version()), ArticleView.of(a)))
                .map(StoredResponse::toResponse);
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "List, search or rank articles",
            description = "Without q: oldest change first (updatedSince for delta sync), or sort=useful for the"
                    + " articles that solved most tickets first. With q: full-text search (German stemming and exact"
                    + " words; \"quoted phrases\" and -excluded words work), best match first. A cursor is valid only"
                    + " with the sort it came from.")
    @APIResponse(responseCode = "200", description = "One page and the cursor of the next",
            content = @Content(examples = @ExampleObject(name = "page", value = Examples.ARTICLE_PAGE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ArticleView>> list(
            @Parameter(description = "Search text, 2 to 200 characters", example = "Akku lädt nicht") @QueryParam("q") String q,
            @Parameter(description = "updatedAt (default), useful, or relevance (with q)", example = "useful")
            @QueryParam("sort") String sort,
            @Parameter(description = "Only articles changed at or after this instant", example = "2026-11-01T00:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 200", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return articles.listArticles(q, sort, updatedSince, PageRequest.of(limit, cursor))
                .map(p -> new Page<>(p.items().stream().map(ArticleView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "Read an article")
    @APIResponse(responseCode = "200", description = "The article, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "article", value = Examples.ARTICLE)))
    @APIResponse(responseCode = "404", description = "No such article in your tenant")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return articles.findArticle(id).map(ArticleResource::ok);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager", "agent"})
    @Operation(summary = "Replace an article", description = "Headquarters staff only; send If-Match with the ETag you read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "error E42", value = Examples.NEW_ARTICLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "article", value = Examples.ARTICLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not headquarters staff")
    @APIResponse(responseCode = "404", description = "No such article in your tenant")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(@PathParam("id") UUID id, NewArticle request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"2\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return articles.replaceArticle(id, ExpectedVersion.ofIfMatch(ifMatch), request).map(ArticleResource::ok);
    }

    private static Response ok(Article a) {
        return Response.ok(ArticleView.of(a)).tag(ExpectedVersion.etag(a.version())).build();
    }
}
