package crm.contacts.rest;

import crm.contacts.service.ContactExportService;
import crm.platform.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/contacts/export")
@Tag(name = "Contact imports")
@SecurityRequirement(name = "oidc")
public class ContactExportResource {

    private static final String CSV_EXAMPLE = """
            id,externalId,salutation,academicTitle,firstName,lastName,email,phone,street,postalCode,city,country,companyId,lifecycleStage,ownerId,unitId,tags,source,createdAt,updatedAt,cf.frame_size
            2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11,shop-4711,Frau,Dr.,Jana,Schulz,jana.schulz@example.com,+491701234567,Mönckebergstraße 7,20095,Hamburg,DE,,customer,,veloce-hamburg,e-bike|newsletter,Messe Hamburg 2026,2026-11-27T10:15:30.123456Z,2026-11-28T09:00:00.000001Z,M
            """;

    private final ContactExportService exports;

    public ContactExportResource(ContactExportService exports) {
        this.exports = exports;
    }

    @GET
    @Produces(ContactImportResource.CSV)
    @Blocking
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "Export contacts as CSV",
            description = "Streams the contacts the same search (q, filters, cf.<key>=value, sort) finds, in its"
                    + " order, in the columns the import reads, so the file can be edited and imported again."
                    + " Values a spreadsheet would run as a formula start with an apostrophe. Merged contacts are"
                    + " not exported.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = ContactImportResource.CSV, examples = @ExampleObject(name = "one contact",
                    value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only managers and admins export")
    public Response export(@BeanParam ContactFilterParams filters, @Context UriInfo uri) {
        return Response.ok(exports.export(filters.toSearch(uri)))
                .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
                .build();
    }
}
