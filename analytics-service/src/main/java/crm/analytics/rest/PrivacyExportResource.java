package crm.analytics.rest;

import crm.analytics.service.PersonalDataExport;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/privacy/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy (internal)", description = "This service's part of a data subject's export")
@SecurityRequirement(name = "oidc")
public class PrivacyExportResource {

    private static final String EXAMPLE = """
            {"service": "analytics-service", "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "erased": false,
             "profile": {"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "unitId": "veloce-hamburg",
               "firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com", "phone": "+491701234567",
               "street": null, "postalCode": "20095", "city": "Hamburg", "lifecycleStage": "customer",
               "tags": ["newsletter"], "companyId": null, "version": 3},
             "consents": [{"channel": "email", "status": "granted", "changedAt": "2026-11-01T09:00:00Z"}],
             "customerValue": [{"contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "unitId": null, "revenue": 2500.0,
               "purchaseRevenue": 2500.0, "wonRevenue": 0.0, "orders": 1, "firstOrderAt": "2026-11-20T15:30:00Z",
               "lastOrderAt": "2026-11-20T15:30:00Z", "rScore": 5, "fScore": 1, "mScore": 5, "segment": "new"}],
             "productsBought": [{"unitId": null, "sku": "EBIKE-CITY", "quantity": 1.0, "revenue": 2500.0, "orders": 1,
               "lastAt": "2026-11-20T15:30:00Z"}],
             "orders": [{"kind": "purchase", "orderId": "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", "unitId": "veloce-hamburg",
               "orderedAt": "2026-11-20T15:30:00Z", "amount": 2500.0, "currency": "EUR", "total": 2500.0,
               "skus": ["EBIKE-CITY"], "campaignId": null}],
             "leads": [], "tickets": [], "erasures": []}""";

    private final PersonalDataExport export;

    public PrivacyExportResource(PersonalDataExport export) {
        this.export = export;
    }

    @GET
    @Path("{contactId}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything analytics-service holds about a person (internal)",
            description = "GDPR Art. 15/20: profile, consents, value figures per scope, products bought, orders, leads,"
                    + " tickets and applied erasures. The gateway composes the exports of all services.")
    @APIResponse(responseCode = "200", description = "The person's data",
            content = @Content(examples = @ExampleObject(name = "export", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Nothing held about this contact in your tenant and unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Map<String, Object>> export(@Parameter(description = "The contact", example = Examples.CONTACT_ID)
                                           @PathParam("contactId") UUID contactId) {
        return export.export(contactId);
    }
}
