package crm.analytics.rest;

import crm.analytics.domain.IngestionStatus;
import crm.analytics.service.IngestionStatusService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Figures from the events of all services")
@SecurityRequirement(name = "oidc")
public class StatusResource {

    private static final String EXAMPLE = """
            {"checkedAt": "2026-11-27T10:15:30.123Z", "topics": [
              {"topic": "crm.contacts", "lastEventTime": "2026-11-27T10:15:28.000Z",
               "lastReceivedAt": "2026-11-27T10:15:28.310Z", "eventsApplied": 182344, "freshnessSeconds": 2,
               "consumerLag": 0},
              {"topic": "crm.leads", "lastEventTime": "2026-11-27T10:14:02.000Z",
               "lastReceivedAt": "2026-11-27T10:14:02.150Z", "eventsApplied": 40211, "freshnessSeconds": 88,
               "consumerLag": 0},
              {"topic": "crm.tickets", "lastEventTime": null, "lastReceivedAt": null, "eventsApplied": 0,
               "freshnessSeconds": null, "consumerLag": 12}]}""";

    private final IngestionStatusService service;

    public StatusResource(IngestionStatusService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.AGENT})
    @Operation(summary = "Ingestion lag and data freshness per topic",
            description = "Per consumed topic: the newest event time applied for your tenant, when the last event"
                    + " arrived, how many distinct events were applied, the age of the newest event (freshness, seconds)"
                    + " and the consumer lag (records not yet consumed by the consumer group, all tenants; null while"
                    + " unknown). The same figures are metrics: crm.analytics.data.age and crm.analytics.consumer.lag.")
    @APIResponse(responseCode = "200", description = "Freshness and lag",
            content = @Content(examples = @ExampleObject(name = "status", value = EXAMPLE)))
    public Uni<IngestionStatus> status() {
        return service.status();
    }
}
