package crm.leads.rest;

import crm.leads.domain.StagePipeline;
import crm.leads.service.StageService;
import crm.leads.service.StageSettings;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/opportunities/stages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Opportunities")
@SecurityRequirement(name = "oidc")
public class StageResource {

    private static final String EXAMPLE = """
            {"stages": [{"key": "qualification", "name": "Qualification", "probability": 10},
                        {"key": "test_ride", "name": "Test ride", "probability": 30},
                        {"key": "proposal", "name": "Proposal", "probability": 50},
                        {"key": "negotiation", "name": "Negotiation", "probability": 75}]}""";
    private static final String VIEW_EXAMPLE = """
            {"stages": [{"key": "qualification", "name": "Qualification", "probability": 10, "outcome": "open"},
                        {"key": "needs_analysis", "name": "Needs analysis", "probability": 25, "outcome": "open"},
                        {"key": "proposal", "name": "Proposal", "probability": 50, "outcome": "open"},
                        {"key": "negotiation", "name": "Negotiation", "probability": 75, "outcome": "open"},
                        {"key": "won", "name": "Won", "probability": 100, "outcome": "won"},
                        {"key": "lost", "name": "Lost", "probability": 0, "outcome": "lost"}], "version": 0}""";

    private final StageService stages;

    public StageResource(StageService stages) {
        this.stages = stages;
    }

    @GET
    @RolesAllowed({"admin", "manager", "agent", "integration"})
    @Operation(summary = "The pipeline: open stages with their probabilities, then won and lost",
            description = "Version 0 is the built-in default of a tenant that configured nothing.")
    @APIResponse(responseCode = "200", description = "The pipeline, with its version as ETag",
            content = @Content(examples = @ExampleObject(name = "default pipeline", value = VIEW_EXAMPLE)))
    public Uni<Response> get() {
        return stages.findPipeline().map(StageResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace the open stages of the pipeline (headquarters admins)",
            description = "List the open stages in order; won and lost are implied. Open opportunities take on"
                    + " their stage's new probability. A stage that still holds open opportunities cannot be"
                    + " removed (409). Send If-Match with the ETag you read.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "with test rides", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "pipeline", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A stage is invalid, duplicated, or named won or lost",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin at headquarters")
    @APIResponse(responseCode = "409", description = "A removed stage still holds open opportunities")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replace(StageSettings request,
                                 @Parameter(description = "ETag of the version the change is based on", example = "\"0\"")
                                 @HeaderParam("If-Match") String ifMatch) {
        return stages.replacePipeline(ExpectedVersion.ofIfMatch(ifMatch), request).map(StageResource::ok);
    }

    private static Response ok(StagePipeline pipeline) {
        return Response.ok(StagePipelineView.of(pipeline)).tag(ExpectedVersion.etag(pipeline.version())).build();
    }
}
