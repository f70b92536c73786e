package crm.leads.service;

import crm.leads.domain.Channel;
import crm.leads.domain.FormField;
import crm.leads.domain.FormFieldName;
import crm.leads.domain.WebForm;
import crm.leads.repository.WebFormRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Admins define their public lead forms here; the key is what the embed snippet and the public URL carry. */
@ApplicationScoped
public class WebFormService {

    static final String CREATE_OPERATION = "POST /api/v1/forms";
    public static final String KEY_PATTERN = "f[a-z0-9]{19}";
    private static final char[] KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final WebFormRepository forms;
    private final LeadService leads;
    private final IdempotentRequests idempotency;

    public WebFormService(TenantScope scope, CurrentTenant currentTenant, WebFormRepository forms, LeadService leads,
                          IdempotentRequests idempotency) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.forms = forms;
        this.leads = leads;
        this.idempotency = idempotency;
    }

    public Uni<StoredResponse> createForm(@Valid @NotNull NewWebForm request, IdempotencyKey key,
                                          Function<WebForm, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        check(request);
        String unit = LeadService.unitFor(context, request.unitId());
        OffsetDateTime now = Leads.now();
        WebForm form = toForm(newKey(), unit, request, 1, context.subject(), now);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> leads.requireCampaign(tx, request.campaignId())
                        .flatMap(ignored -> forms.insert(tx, context.tenantId(), form))
                        .map(respond)));
    }

    public Uni<WebForm> findForm(String formKey) {
        if (!formKey.matches(KEY_PATTERN)) {
            throw notFound(formKey);
        }
        return scope.inTransaction(currentTenant.get(), tx -> forms.find(tx, formKey))
                .map(found -> found.orElseThrow(() -> notFound(formKey)));
    }

    public Uni<Page<WebForm>> listForms(PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> forms.list(tx, page))
                .map(rows -> Page.of(rows, page, f -> new Cursor(f.updatedAt().toString(), f.formKey())));
    }

    public Uni<WebForm> replaceForm(String formKey, ExpectedVersion expected, @Valid @NotNull NewWebForm request) {
        if (!formKey.matches(KEY_PATTERN)) {
            throw notFound(formKey);
        }
        check(request);
        TenantContext context = currentTenant.get();
        String unit = LeadService.unitFor(context, request.unitId());
        return scope.inTransaction(context, tx -> forms.find(tx, formKey).flatMap(found -> {
            WebForm current = found.orElseThrow(() -> notFound(formKey));
            expected.check("Form " + formKey, current.version());
            WebForm next = toForm(formKey, unit, request, current.version(), current.createdBy(), current.createdAt());
            Uni<Void> campaign = java.util.Objects.equals(current.campaignId(), request.campaignId())
                    ? Uni.createFrom().voidItem() : leads.requireCampaign(tx, request.campaignId());
            return campaign.flatMap(ignored -> forms.update(tx, next, current.version()))
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Form " + formKey)));
        }));
    }

    /**
     * What bean validation cannot see: each lead field asked once, the honeypot not one of them, enough
     * fields for a lead (a name and a way to reach the person), and consent wording when consent is required.
     */
    static void check(NewWebForm r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<FormFieldName> names = new HashSet<>();
        for (int i = 0; i < r.fields().size(); i++) {
            if (!names.add(r.fields().get(i).name())) {
                errors.add(new Problem.FieldError("fields[" + i + "].name", "asks for "
                        + r.fields().get(i).name().value() + " a second time"));
            }
        }
        if (!names.contains(FormFieldName.LAST_NAME) && !names.contains(FormFieldName.COMPANY_NAME)) {
            errors.add(new Problem.FieldError("fields", "must ask for lastName or companyName"));
        }
        if (!names.contains(FormFieldName.EMAIL) && !names.contains(FormFieldName.PHONE)) {
            errors.add(new Problem.FieldError("fields", "must ask for email or phone"));
        }
        String honeypot = r.honeypotField() == null ? NewWebForm.DEFAULT_HONEYPOT : r.honeypotField();
        if (FormFieldName.isField(honeypot) || honeypot.equals("consent")) {
            errors.add(new Problem.FieldError("honeypotField", "must not be the name of a real field"));
        }
        if (r.consentRequired() && (r.consentText() == null || r.consentText().isBlank())) {
            errors.add(new Problem.FieldError("consentText", "is required when consent is required"));
        }
        if (!errors.isEmpty()) {
            throw LeadRequests.invalid(errors);
        }
    }

    private static WebForm toForm(String formKey, String unit, NewWebForm r, int version, String createdBy,
                                  OffsetDateTime createdAt) {
        List<FormField> fields = r.fields().stream()
                .map(f -> new FormField(f.name(), f.label().strip(), f.required(), f.options())).toList();
        return new WebForm(formKey, unit, r.name().strip(), r.title().strip(), fields, r.campaignId(),
                r.channel() == null ? Channel.WEBSITE : r.channel(), LeadRequests.products(r.productsOfInterest()),
                LeadRequests.blankToNull(r.consentText()), LeadRequests.blankToNull(r.consentVersion()),
                r.consentRequired(),
                r.minimumFillSeconds() == null ? NewWebForm.DEFAULT_MINIMUM_FILL_SECONDS : r.minimumFillSeconds(),
                r.honeypotField() == null ? NewWebForm.DEFAULT_HONEYPOT : r.honeypotField(),
                r.enabled() == null || r.enabled(), version, createdBy, createdAt, createdAt);
    }

    /** Random, unguessable keys: a form's key is public, but other tenants' keys must not be enumerable. */
    static String newKey() {
        StringBuilder key = new StringBuilder("f");
        for (int i = 0; i < 19; i++) {
            key.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
        }
        return key.toString();
    }

    static ProblemException notFound(String formKey) {
        // Only a key this API could have issued is repeated back; anything else is just "a form".
        return ProblemException.notFound(formKey.matches(KEY_PATTERN) ? "Form " + formKey : "The form");
    }
}
