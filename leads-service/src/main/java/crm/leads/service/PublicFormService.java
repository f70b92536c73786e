package crm.leads.service;

import com.fasterxml.jackson.databind.JsonNode;
import crm.leads.config.LeadsConfig;
import crm.leads.domain.CompanySize;
import crm.leads.domain.Consent;
import crm.leads.domain.FormField;
import crm.leads.domain.FormFieldName;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.Salutation;
import crm.leads.domain.SubmissionScreen;
import crm.leads.domain.WebForm;
import crm.leads.repository.WebFormRepository;
import crm.platform.db.TenantScope;
import crm.platform.problem.Problem;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The anonymous side of web forms. The form key names the tenant (through the one lookup table without
 * row-level security); everything after that runs in that tenant's scope, brand-wide, like any capture.
 * A submission that looks like a bot's is acknowledged exactly like a human's and dropped, so bots cannot
 * learn what gave them away.
 */
@ApplicationScoped
public class PublicFormService {

    private static final Logger LOG = Logger.getLogger(PublicFormService.class);
    private static final int MAX_VALUE_LENGTH = 5000;

    /** The public definition of a form, with the signed time it was served. */
    public record PublicForm(WebForm form, String renderedAt) {
    }

    private final Pool pool;
    private final TenantScope scope;
    private final WebFormRepository forms;
    private final LeadCapture capture;
    private final FormSignatures signatures;
    private final PatchedRequest validation;
    private final LeadsConfig config;

    public PublicFormService(Pool pool, TenantScope scope, WebFormRepository forms, LeadCapture capture,
                             FormSignatures signatures, PatchedRequest validation, LeadsConfig config) {
        this.pool = pool;
        this.scope = scope;
        this.forms = forms;
        this.capture = capture;
        this.signatures = signatures;
        this.validation = validation;
        this.config = config;
    }

    public Uni<PublicForm> definition(String formKey) {
        return inFormTenant(formKey, (context, tx) -> enabledForm(tx, formKey)
                .map(form -> new PublicForm(form, signatures.issue(formKey, Instant.now()))));
    }

    /** Captures the submission as a web lead, or drops it silently if it looks like a bot's. */
    public Uni<Void> submit(String formKey, @Valid FormSubmission submission) {
        FormSubmission s = submission == null ? new FormSubmission(null, Map.of(), null) : submission;
        return inFormTenant(formKey, (context, tx) -> enabledForm(tx, formKey).flatMap(form -> {
            Map<String, JsonNode> values = s.values() == null ? Map.of() : s.values();
            SubmissionScreen.Verdict verdict = SubmissionScreen.screen(text(values.get(form.honeypotField())),
                    signatures.verify(formKey, s.renderedAt()), Instant.now(), form.minimumFillSeconds(),
                    config.forms().maximumAge());
            if (!verdict.human()) {
                LOG.infof("Dropped a submission of form %s: %s", formKey, verdict.reason());
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = Leads.now();
            LeadDetails details = details(form, values);
            boolean consented = Boolean.TRUE.equals(s.consent());
            if (form.consentRequired() && !consented) {
                throw LeadRequests.invalid(List.of(new Problem.FieldError("consent", "must be given to send this form")));
            }
            Consent consent = form.consentText() == null && !consented ? null
                    : new Consent(consented, form.consentText(), form.consentVersion(), "web_form:" + formKey, now);
            return capture.capture(tx, context, new LeadCapture.Capture(details, form.channel(), formKey, consent,
                    null, form.unitId(), true)).replaceWithVoid();
        }));
    }

    /** The lead details a submission carries: only the form's fields, required ones present, as the API validates them. */
    LeadDetails details(WebForm form, Map<String, JsonNode> values) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<FormFieldName, String> given = new LinkedHashMap<>();
        List<String> products = new ArrayList<>(form.productsOfInterest());
        for (FormField field : form.fields()) {
            JsonNode value = values.get(field.name().value());
            String path = "values." + field.name().value();
            if (field.name() == FormFieldName.PRODUCTS_OF_INTEREST) {
                List<String> chosen = list(value);
                if (field.required() && chosen.isEmpty()) {
                    errors.add(new Problem.FieldError(path, "is required"));
                }
                for (String sku : chosen) {
                    if (!field.options().isEmpty() && !field.options().contains(sku)) {
                        errors.add(new Problem.FieldError(path, "must be one of " + String.join(", ", field.options())));
                    } else if (sku.length() <= 64 && !products.contains(sku)) {
                        products.add(sku);
                    }
                }
                continue;
            }
            String text = text(value);
            if (text == null || text.isBlank()) {
                if (field.required()) {
                    errors.add(new Problem.FieldError(path, "is required"));
                }
                continue;
            }
            if (text.length() > MAX_VALUE_LENGTH) {
                errors.add(new Problem.FieldError(path, "must be at most " + MAX_VALUE_LENGTH + " characters"));
                continue;
            }
            if (!field.options().isEmpty() && !field.options().contains(text.strip())) {
                errors.add(new Problem.FieldError(path, "must be one of " + String.join(", ", field.options())));
                continue;
            }
            given.put(field.name(), text.strip());
        }
        Salutation salutation = choice(errors, "values.salutation", given.get(FormFieldName.SALUTATION), Salutation::of);
        CompanySize size = choice(errors, "values.companySize", given.get(FormFieldName.COMPANY_SIZE), CompanySize::of);
        if (!errors.isEmpty()) {
            throw LeadRequests.invalid(errors);
        }
        LeadUpdate update = new LeadUpdate(salutation, given.get(FormFieldName.FIRST_NAME),
                given.get(FormFieldName.LAST_NAME), given.get(FormFieldName.EMAIL), given.get(FormFieldName.PHONE),
                given.get(FormFieldName.COMPANY_NAME), null, size, given.get(FormFieldName.POSTAL_CODE),
                given.get(FormFieldName.CITY), given.get(FormFieldName.COUNTRY_CODE), form.campaignId(),
                "web form " + form.name(), given.get(FormFieldName.MESSAGE), products);
        try {
            validation.validate(update);
        } catch (crm.platform.problem.ProblemException e) {
            throw renamed(e);
        }
        try {
            return LeadRequests.toDetails(update);
        } catch (crm.platform.problem.ProblemException e) {
            throw renamed(e);
        }
    }

    /** Field errors of the lead shape, renamed to where the visitor's values sit. */
    private static crm.platform.problem.ProblemException renamed(crm.platform.problem.ProblemException e) {
        List<Problem.FieldError> errors = e.toProblem().errors().stream()
                .map(f -> new Problem.FieldError("values." + f.field(), f.message())).toList();
        return LeadRequests.invalid(errors);
    }

    private interface InTenant<T> {
        Uni<T> apply(TenantContext context, io.vertx.mutiny.sqlclient.SqlConnection tx);
    }

    private <T> Uni<T> inFormTenant(String formKey, InTenant<T> work) {
        if (formKey == null || !formKey.matches(WebFormService.KEY_PATTERN)) {
            return Uni.createFrom().failure(WebFormService.notFound(formKey == null ? "" : formKey));
        }
        return pool.withConnection(connection -> forms.tenantOfKey(connection, formKey)).flatMap(tenant -> {
            if (tenant.isEmpty()) {
                return Uni.createFrom().failure(WebFormService.notFound(formKey));
            }
            TenantContext context = new TenantContext(tenant.get(), null, "web-form:" + formKey, Set.of());
            return scope.inTransaction(context, tx -> work.apply(context, tx));
        });
    }

    private Uni<WebForm> enabledForm(io.vertx.mutiny.sqlclient.SqlConnection tx, String formKey) {
        return forms.find(tx, formKey).map(found -> found.filter(WebForm::enabled)
                .orElseThrow(() -> WebFormService.notFound(formKey)));
    }

    private static <T> T choice(List<Problem.FieldError> errors, String field, String value,
                                java.util.function.Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    private static List<String> list(JsonNode value) {
        List<String> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(v -> Optional.ofNullable(text(v)).filter(t -> !t.isBlank()).ifPresent(t -> items.add(t.strip())));
        } else {
            Optional.ofNullable(text(value)).filter(t -> !t.isBlank()).ifPresent(t -> items.add(t.strip()));
        }
        return items.size() > 50 ? items.subList(0, 50) : items;
    }
}
