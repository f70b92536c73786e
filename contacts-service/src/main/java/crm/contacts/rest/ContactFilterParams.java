package crm.contacts.rest;

import crm.contacts.service.ContactSearchParams;
import crm.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The search parameters the contact list and the CSV export share. Custom field filters
 * ({@code cf.<key>=value}) have keys each tenant defines itself, so they are read from the query string.
 */
public class ContactFilterParams {

    static final String CUSTOM_FIELD_PREFIX = "cf.";

    @Parameter(description = "Search text, 2 to 200 characters; typos and missing umlauts are tolerated",
            example = "Müller")
    @QueryParam("q")
    public String q;

    @Parameter(description = "Lifecycle stage; repeat for several", example = "customer")
    @QueryParam("stage")
    public List<String> stage;

    @Parameter(description = "Tag; repeat to require several", example = "vip")
    @QueryParam("tag")
    public List<String> tag;

    @Parameter(description = "Owner (user subject)", example = "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e")
    @QueryParam("ownerId")
    public String ownerId;

    @Parameter(description = "Unit (location)", example = "veloce-hamburg")
    @QueryParam("unitId")
    public String unitId;

    @Parameter(description = "Created at or after (ISO 8601)", example = "2026-01-01T00:00:00Z")
    @QueryParam("createdFrom")
    public String createdFrom;

    @Parameter(description = "Created before (ISO 8601)", example = "2027-01-01T00:00:00Z")
    @QueryParam("createdTo")
    public String createdTo;

    @Parameter(description = "Only contacts changed at or after this instant (ISO 8601), for delta sync",
            example = "2026-01-31T00:00:00Z")
    @QueryParam("updatedSince")
    public String updatedSince;

    @Parameter(description = "name, createdAt or updatedAt; leading - for descending; default updatedAt,"
            + " or relevance with q", example = "-createdAt")
    @QueryParam("sort")
    public String sort;

    /** The parameters as sent, custom field filters included. */
    ContactSearchParams toSearch(UriInfo uri) {
        Map<String, String> customFields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
                if (values.size() != 1) {
                    throw ProblemException.badRequest(name, "may be given once");
                }
                customFields.put(name.substring(CUSTOM_FIELD_PREFIX.length()), values.get(0));
            }
        });
        return new ContactSearchParams(q, stage, tag, ownerId, unitId, createdFrom, createdTo, updatedSince, sort,
                customFields);
    }
}
