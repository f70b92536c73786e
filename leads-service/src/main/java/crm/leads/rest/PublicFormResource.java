package crm.leads.rest;

import crm.leads.domain.FormField;
import crm.leads.service.FormSubmission;
import crm.leads.service.PublicFormService;
import crm.platform.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public face of web forms, reached through the gateway without a token. The tenant comes from the form
 * key, never from the visitor.
 */
@Path("/public/v1/forms/{formKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public forms", description = "Lead forms on franchise websites; no token")
@PermitAll
public class PublicFormResource {

    static final String DEFINITION = """
            {"formKey": "fk3v9x2m7q1p8z4w6r0t", "title": "Jetzt Probefahrt vereinbaren",
             "fields": [{"name": "lastName", "label": "Nachname", "required": true, "options": []},
                        {"name": "email", "label": "E-Mail", "required": true, "options": []},
                        {"name": "postalCode", "label": "PLZ", "required": true, "options": []}],
             "consent": {"text": "Ich bin einverstanden, dass Veloce mich zur Probefahrt kontaktiert.",
                         "version": "2026-01", "required": true},
             "honeypotField": "website", "renderedAt": "1795780530123.hP3k0c2m9xQ_nR7tL1vY5wZ8aB4dE6fG0hJ2kM4oQ"}""";
    static final String SUBMISSION = """
            {"renderedAt": "1795780530123.hP3k0c2m9xQ_nR7tL1vY5wZ8aB4dE6fG0hJ2kM4oQ",
             "values": {"lastName": "Schulz", "email": "jana.schulz@example.com", "postalCode": "20095", "website": ""},
             "consent": true}""";

    /** What a website needs to render the form; {@code renderedAt} must come back with the submission. */
    public record Definition(String formKey, String title, List<FormField> fields, ConsentWording consent,
                             String honeypotField, String renderedAt) {
    }

    public record ConsentWording(String text, String version, boolean required) {
    }

    private final PublicFormService service;

    public PublicFormResource(PublicFormService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Read a public form's definition", description = "Fields, consent wording and a signed"
            + " renderedAt value to send back with the submission.")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(examples = @ExampleObject(name = "form", value = DEFINITION)))
    @APIResponse(responseCode = "404", description = "No such form, or it is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Definition> definition(@PathParam("formKey") String formKey) {
        return service.definition(formKey).map(p -> new Definition(p.form().formKey(), p.form().title(),
                p.form().fields(), new ConsentWording(p.form().consentText(), p.form().consentVersion(),
                p.form().consentRequired()), p.form().honeypotField(), p.renderedAt()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a public form", description = "Accepted with 202. Missing or invalid required"
            + " values answer 400 naming the field (values.<name>, consent).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "submission", value = SUBMISSION)))
    @APIResponse(responseCode = "202", description = "Received",
            content = @Content(examples = @ExampleObject(name = "received", value = "{\"status\": \"received\"}")))
    @APIResponse(responseCode = "400", description = "A value is missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such form, or it is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@PathParam("formKey") String formKey, FormSubmission submission) {
        return service.submit(formKey, submission)
                .map(ignored -> Response.status(202).entity(Map.of("status", "received")).build());
    }
}
