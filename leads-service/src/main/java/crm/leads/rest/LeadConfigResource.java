package crm.leads.rest;

import crm.leads.domain.RoutingRules;
import crm.leads.domain.ScoringRules;
import crm.leads.domain.SlaPolicy;
import crm.leads.domain.Territories;
import crm.leads.service.LeadConfigService;
import crm.leads.service.LeadRules;
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

/**
 * The tenant's lead rules: scoring, territories, routing inside units and the speed-to-lead SLA. Each is
 * one document with a version (ETag; 0 while the defaults apply), replaced whole with If-Match.
 */
@Path("/api/v1/leads/config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lead rules", description = "Per-tenant scoring, territories, routing and speed-to-lead SLA (admin)")
@SecurityRequirement(name = "oidc")
public class LeadConfigResource {

    static final String SCORING = """
            {"fit": {"regions": [{"name": "Hamburg metro", "postalCodePrefixes": ["20", "21", "22"], "points": 20}],
                     "companySizes": [{"size": "50-249", "points": 10}, {"size": "250-999", "points": 15}],
                     "products": [{"sku": "EB-CARGO-500", "points": 15}], "maxProductPoints": 30},
             "engagement": {"pointsPerActivity": 5, "maxActivityPoints": 20, "pointsPerFormFill": 10,
                            "maxFormFillPoints": 30, "recencyPoints": 20, "halfLifeDays": 14}}""";
    static final String TERRITORIES = """
            {"territories": [{"id": "hamburg-city", "unitId": "veloce-hamburg", "postalCodePrefixes": ["20", "22"]},
                             {"id": "hamburg-south", "unitId": "veloce-harburg", "ranges": [{"from": "21000", "to": "21149"}]}]}""";
    static final String ROUTING = """
            {"units": [{"unitId": "veloce-hamburg", "strategy": "round_robin",
                        "reps": [{"userId": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "capacity": 25},
                                 {"userId": "9d2e1f3a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "capacity": 15, "active": true}]}]}""";
    static final String SLA = """
            {"calendar": {"zone": "Europe/Berlin", "week": [
                            {"day": "monday", "opens": "08:00", "closes": "18:00"},
                            {"day": "tuesday", "opens": "08:00", "closes": "18:00"},
                            {"day": "wednesday", "opens": "08:00", "closes": "18:00"},
                            {"day": "thursday", "opens": "08:00", "closes": "18:00"},
                            {"day": "friday", "opens": "08:00", "closes": "18:00"},
                            {"day": "saturday", "opens": "09:00", "closes": "14:00"}],
                          "holidays": ["2026-12-25", "2026-12-26"]},
             "unitCalendars": [], "defaultMinutes": 240,
             "channels": [{"channel": "website", "minutes": 30}, {"channel": "trade_fair", "minutes": 1440}],
             "warningShare": 0.75, "escalation": "next_rep"}""";

    private final LeadConfigService service;

    public LeadConfigResource(LeadConfigService service) {
        this.service = service;
    }

    @GET
    @Path("scoring")
    @RolesAllowed("admin")
    @Operation(summary = "Read the scoring rules")
    @APIResponse(responseCode = "200", description = "The rules; ETag is their version",
            content = @Content(examples = @ExampleObject(name = "scoring", value = SCORING)))
    public Uni<Response> scoring() {
        return service.scoring().map(LeadConfigResource::ok);
    }

    @PUT
    @Path("scoring")
    @RolesAllowed("admin")
    @Operation(summary = "Replace the scoring rules", description = "Fit (regions by postal-code prefix, company"
            + " sizes, products of interest) and engagement (conversations, form fills, recency with a half-life)."
            + " Headquarters admins only. New scores apply from the next thing that happens to a lead.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "scoring", value = SCORING)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "scoring", value = SCORING)))
    @APIResponse(responseCode = "400", description = "A rule is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replaceScoring(ScoringRules body, @Parameter(description = "ETag read before", example = "\"0\"")
                                        @HeaderParam("If-Match") String ifMatch) {
        return service.replaceScoring(ExpectedVersion.ofIfMatch(ifMatch), body).map(LeadConfigResource::ok);
    }

    @GET
    @Path("territories")
    @RolesAllowed("admin")
    @Operation(summary = "Read the territories")
    @APIResponse(responseCode = "200", description = "The territories; ETag is their version",
            content = @Content(examples = @ExampleObject(name = "territories", value = TERRITORIES)))
    public Uni<Response> territories() {
        return service.territories().map(LeadConfigResource::ok);
    }

    @PUT
    @Path("territories")
    @RolesAllowed("admin")
    @Operation(summary = "Replace the territories", description = "Postal-code prefixes or ranges per unit. Where"
            + " territories overlap, the most specific one (fewest postal codes) wins. Headquarters admins only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "territories", value = TERRITORIES)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "territories", value = TERRITORIES)))
    @APIResponse(responseCode = "400", description = "A territory is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replaceTerritories(Territories body, @Parameter(description = "ETag read before", example = "\"0\"")
                                            @HeaderParam("If-Match") String ifMatch) {
        return service.replaceTerritories(ExpectedVersion.ofIfMatch(ifMatch), body).map(LeadConfigResource::ok);
    }

    @GET
    @Path("routing")
    @RolesAllowed("admin")
    @Operation(summary = "Read the routing inside units")
    @APIResponse(responseCode = "200", description = "Reps per unit with capacity and strategy; ETag is the version",
            content = @Content(examples = @ExampleObject(name = "routing", value = ROUTING)))
    public Uni<Response> routing() {
        return service.routing().map(LeadConfigResource::ok);
    }

    @PUT
    @Path("routing")
    @RolesAllowed("admin")
    @Operation(summary = "Replace the routing inside units", description = "Per unit: round_robin or least_loaded"
            + " among its active reps below capacity (open leads). A unit without free reps keeps leads in its queue."
            + " Headquarters admins only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "routing", value = ROUTING)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "routing", value = ROUTING)))
    @APIResponse(responseCode = "400", description = "A roster is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replaceRouting(RoutingRules body, @Parameter(description = "ETag read before", example = "\"0\"")
                                        @HeaderParam("If-Match") String ifMatch) {
        return service.replaceRouting(ExpectedVersion.ofIfMatch(ifMatch), body).map(LeadConfigResource::ok);
    }

    @GET
    @Path("sla")
    @RolesAllowed("admin")
    @Operation(summary = "Read the speed-to-lead SLA")
    @APIResponse(responseCode = "200", description = "Targets, calendars and escalation; ETag is the version",
            content = @Content(examples = @ExampleObject(name = "sla", value = SLA)))
    public Uni<Response> sla() {
        return service.sla().map(LeadConfigResource::ok);
    }

    @PUT
    @Path("sla")
    @RolesAllowed("admin")
    @Operation(summary = "Replace the speed-to-lead SLA", description = "First contact within so many minutes of"
            + " business hours, per channel; business calendar (zone, opening hours, holidays) of the tenant and of"
            + " units that keep other hours; warning share for the at-risk view; escalation on a breach (notify,"
            + " next_rep, unit_queue, hq_queue). Applies to leads captured afterwards. Headquarters admins only.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sla", value = SLA)))
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(examples = @ExampleObject(name = "sla", value = SLA)))
    @APIResponse(responseCode = "400", description = "A setting is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a headquarters admin")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Uni<Response> replaceSla(SlaPolicy body, @Parameter(description = "ETag read before", example = "\"0\"")
                                    @HeaderParam("If-Match") String ifMatch) {
        return service.replaceSla(ExpectedVersion.ofIfMatch(ifMatch), body).map(LeadConfigResource::ok);
    }

    private static Response ok(LeadRules.Versioned<?> versioned) {
        return Response.ok(versioned.value()).tag(ExpectedVersion.etag(versioned.version())).build();
    }
}
