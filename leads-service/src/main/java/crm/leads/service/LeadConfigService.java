package crm.leads.service;

import crm.leads.domain.CalendarSettings;
import crm.leads.domain.RoutingRules;
import crm.leads.domain.ScoringRules;
import crm.leads.domain.SlaClock;
import crm.leads.domain.SlaPolicy;
import crm.leads.domain.Territories;
import crm.leads.repository.LeadConfigRepository;
import crm.leads.repository.LeadConfigRepository.Kind;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and replaces the tenant's lead rules. Replacing is for headquarters admins (the rules bind every
 * unit) and checks the whole document, including what bean validation cannot see: unique keys, ranges
 * that make sense, calendars with business time.
 */
@ApplicationScoped
public class LeadConfigService {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final LeadRules rules;
    private final LeadConfigRepository configs;
    private final PatchedRequest validation;

    public LeadConfigService(TenantScope scope, CurrentTenant currentTenant, LeadRules rules,
                             LeadConfigRepository configs, PatchedRequest validation) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.rules = rules;
        this.configs = configs;
        this.validation = validation;
    }

    public Uni<LeadRules.Versioned<ScoringRules>> scoring() {
        return read(Kind.SCORING, ScoringRules.class, ScoringRules.defaults());
    }

    public Uni<LeadRules.Versioned<Territories>> territories() {
        return read(Kind.TERRITORIES, Territories.class, Territories.none());
    }

    public Uni<LeadRules.Versioned<RoutingRules>> routing() {
        return read(Kind.ROUTING, RoutingRules.class, RoutingRules.none());
    }

    public Uni<LeadRules.Versioned<SlaPolicy>> sla() {
        return read(Kind.SLA, SlaPolicy.class, SlaPolicy.defaults());
    }

    public Uni<LeadRules.Versioned<ScoringRules>> replaceScoring(ExpectedVersion expected, ScoringRules body) {
        required(body);
        validation.validate(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        unique(errors, body.fit().companySizes().stream().map(r -> r.size().value()).toList(), "fit.companySizes",
                "size");
        unique(errors, body.fit().products().stream().map(r -> r.sku().toUpperCase()).toList(), "fit.products", "sku");
        return replace(Kind.SCORING, expected, body, errors);
    }

    public Uni<LeadRules.Versioned<Territories>> replaceTerritories(ExpectedVersion expected, Territories body) {
        required(body);
        validation.validate(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        unique(errors, body.territories().stream().map(Territories.Territory::id).toList(), "territories", "id");
        for (int i = 0; i < body.territories().size(); i++) {
            Territories.Territory t = body.territories().get(i);
            if (t.postalCodePrefixes().isEmpty() && t.ranges().isEmpty()) {
                errors.add(new Problem.FieldError("territories[" + i + "]",
                        "needs at least one postal-code prefix or range"));
            }
            for (int j = 0; j < t.ranges().size(); j++) {
                Territories.PostalCodeRange r = t.ranges().get(j);
                if (r.from().length() != r.to().length() || r.from().compareToIgnoreCase(r.to()) > 0) {
                    errors.add(new Problem.FieldError("territories[" + i + "].ranges[" + j + "]",
                            "from and to must have the same length and from must not come after to"));
                }
            }
        }
        return replace(Kind.TERRITORIES, expected, body, errors);
    }

    public Uni<LeadRules.Versioned<RoutingRules>> replaceRouting(ExpectedVersion expected, RoutingRules body) {
        required(body);
        validation.validate(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        unique(errors, body.units().stream().map(RoutingRules.UnitRoster::unitId).toList(), "units", "unitId");
        for (int i = 0; i < body.units().size(); i++) {
            unique(errors, body.units().get(i).reps().stream().map(RoutingRules.Rep::userId).toList(),
                    "units[" + i + "].reps", "userId");
        }
        return replace(Kind.ROUTING, expected, body, errors);
    }

    public Uni<LeadRules.Versioned<SlaPolicy>> replaceSla(ExpectedVersion expected, SlaPolicy body) {
        required(body);
        validation.validate(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        calendar(errors, "calendar", body.calendar());
        for (int i = 0; i < body.unitCalendars().size(); i++) {
            calendar(errors, "unitCalendars[" + i + "].calendar", body.unitCalendars().get(i).calendar());
        }
        unique(errors, body.unitCalendars().stream().map(SlaPolicy.UnitCalendar::unitId).toList(), "unitCalendars",
                "unitId");
        unique(errors, body.channels().stream().map(c -> c.channel().value()).toList(), "channels", "channel");
        if (errors.isEmpty()) {
            reachable(errors, body);
        }
        return replace(Kind.SLA, expected, body, errors);
    }

    private <T> Uni<LeadRules.Versioned<T>> read(Kind kind, Class<T> type, T defaults) {
        return scope.inTransaction(currentTenant.get(), tx -> rules.find(tx, kind, type, defaults));
    }

    private <T> Uni<LeadRules.Versioned<T>> replace(Kind kind, ExpectedVersion expected, T body,
                                                    List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw LeadRequests.invalid(errors);
        }
        TenantContext context = currentTenant.get();
        if (!context.isBrandWide()) {
            throw ProblemException.forbidden("Lead rules apply to every unit; only headquarters admins change them");
        }
        return scope.inTransaction(context, tx -> configs.find(tx, kind).flatMap(current -> {
            int version = current.map(LeadConfigRepository.Stored::version).orElse(0);
            expected.check("The " + kind.value() + " rules", version);
            return configs.save(tx, kind, body, version, context.subject())
                    .map(saved -> new LeadRules.Versioned<>(body, saved.orElseThrow(
                            () -> ExpectedVersion.stale("The " + kind.value() + " rules"))));
        }));
    }

    private static void required(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("body", "is required");
        }
    }

    private static void calendar(List<Problem.FieldError> errors, String field, CalendarSettings settings) {
        try {
            SlaClock.calendarOf(settings);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
        }
    }

    /** Holidays could swallow every opening day; then no target could ever fall due. */
    private static void reachable(List<Problem.FieldError> errors, SlaPolicy policy) {
        int longest = Math.max(policy.defaultMinutes(),
                policy.channels().stream().mapToInt(SlaPolicy.ChannelTarget::minutes).max().orElse(0));
        java.time.Instant now = java.time.Instant.now();
        List<CalendarSettings> calendars = new ArrayList<>(List.of(policy.calendar()));
        policy.unitCalendars().forEach(u -> calendars.add(u.calendar()));
        for (CalendarSettings settings : calendars) {
            try {
                SlaClock.calendarOf(settings).plusBusinessMinutes(now, longest);
            } catch (IllegalStateException e) {
                errors.add(new Problem.FieldError("calendar", "leaves no business time for a " + longest
                        + " minute target; check the holidays"));
                return;
            }
        }
    }

    private static void unique(List<Problem.FieldError> errors, List<String> keys, String field, String key) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(keys.get(i))) {
                errors.add(new Problem.FieldError(field + "[" + i + "]." + key, "repeats " + keys.get(i)));
            }
        }
    }
}
