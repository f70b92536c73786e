package crm.tickets.service;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import crm.tickets.domain.BusinessCalendars;
import crm.tickets.domain.CalendarSpec;
import crm.tickets.domain.EscalationAction;
import crm.tickets.domain.Labels;
import crm.tickets.domain.RoutingRule;
import crm.tickets.domain.RoutingRules;
import crm.tickets.domain.SlaPolicies;
import crm.tickets.domain.SlaPolicy;
import crm.tickets.repository.QueueRepository;
import crm.tickets.repository.SettingsRepository;
import crm.tickets.repository.SettingsRepository.Stored;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tenant's configuration documents: routing rules, SLA policies and business calendars. Each is read
 * and replaced whole; before anything is configured, reading answers the defaults with version 0, and a
 * replacement based on them sends {@code If-Match: "0"}.
 */
@ApplicationScoped
public class SettingsService {

    private final TenantScope scope;
    private final SettingsRepository settings;
    private final QueueRepository queues;
    private final CurrentTenant currentTenant;

    public SettingsService(TenantScope scope, SettingsRepository settings, QueueRepository queues,
                           CurrentTenant currentTenant) {
        this.scope = scope;
        this.settings = settings;
        this.queues = queues;
        this.currentTenant = currentTenant;
    }

    public Uni<Stored<RoutingRules>> routingRules() {
        return read(SettingsRepository.ROUTING_RULES, RoutingRules.class, () -> RoutingRules.NONE);
    }

    public Uni<Stored<SlaPolicies>> slaPolicies() {
        return read(SettingsRepository.SLA_POLICIES, SlaPolicies.class, SlaPolicies::standard);
    }

    public Uni<Stored<BusinessCalendars>> calendars() {
        return read(SettingsRepository.CALENDARS, BusinessCalendars.class, BusinessCalendars::standard);
    }

    /** Rules are normalised like the tickets they compare with, and every rule must name an existing queue. */
    public Uni<Stored<RoutingRules>> replaceRoutingRules(ExpectedVersion expected, @Valid @NotNull RoutingRulesRequest request) {
        RoutingRules rules = normalise(request);
        List<UUID> queueIds = rules.rules().stream().map(RoutingRule::queueId).distinct().toList();
        return replace(SettingsRepository.ROUTING_RULES, RoutingRules.class, expected, rules,
                tx -> requireQueues(tx, queueIds, id -> "rules[" + indexOf(rules.rules(), id) + "].queueId"));
    }

    public Uni<Stored<SlaPolicies>> replaceSlaPolicies(ExpectedVersion expected, @Valid @NotNull SlaPolicies request) {
        SlaPolicies policies = normalise(request);
        List<UUID> queueIds = policies.policies().stream().map(SlaPolicy::escalationQueueId)
                .filter(Objects::nonNull).distinct().toList();
        return replace(SettingsRepository.SLA_POLICIES, SlaPolicies.class, expected, policies,
                tx -> requireQueues(tx, queueIds, id -> "policies[" + escalationIndex(policies, id) + "].escalationQueueId"));
    }

    public Uni<Stored<BusinessCalendars>> replaceCalendars(ExpectedVersion expected,
                                                           @Valid @NotNull BusinessCalendars request) {
        try {
            request.compile();
        } catch (CalendarSpec.Invalid e) {
            throw ProblemException.badRequest(e.field(), e.getMessage());
        }
        for (String unit : request.units().keySet()) {
            if (!unit.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw ProblemException.badRequest("units", "keys must be unit ids");
            }
        }
        return replace(SettingsRepository.CALENDARS, BusinessCalendars.class, expected, request,
                tx -> Uni.createFrom().voidItem());
    }

    private <T> Uni<Stored<T>> read(String kind, Class<T> type, Supplier<T> defaults) {
        return scope.inTransaction(currentTenant.get(), tx -> settings.find(tx, kind, type))
                .map(found -> found.orElseGet(() -> new Stored<>(defaults.get(), 0, null)));
    }

    private <T> Uni<Stored<T>> replace(String kind, Class<T> type, ExpectedVersion expected, T document,
                                       Function<SqlConnection, Uni<Void>> check) {
        TenantContext context = currentTenant.get();
        Units.requireBrandWide(context, "Ticket settings");
        return scope.inTransaction(context, tx -> settings.lock(tx, kind, type).flatMap(current -> {
            expected.check("The " + kind + " settings", current.map(Stored::version).orElse(0));
            return check.apply(tx).flatMap(ignored -> settings.save(tx, kind, document, context.subject()));
        }));
    }

    private Uni<Void> requireQueues(SqlConnection tx, List<UUID> ids, Function<UUID, String> field) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return queues.existing(tx, ids).map(found -> {
            for (UUID id : ids) {
                if (!found.contains(id)) {
                    throw ProblemException.badRequest(field.apply(id), "no such queue");
                }
            }
            return null;
        });
    }

    static RoutingRules normalise(RoutingRulesRequest request) {
        List<RoutingRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.rules().size(); i++) {
            RoutingRule r = request.rules().get(i);
            String name = r.name().strip();
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("rules[" + i + "].name", "must be unique among the rules");
            }
            List<String> categories = labels("rules[" + i + "].categories", r.categories());
            List<String> tiers = labels("rules[" + i + "].tiers", r.tiers());
            List<String> words = r.words().stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).distinct().toList();
            rules.add(new RoutingRule(name, categories, r.priorities(), r.channels(), r.unitIds(), words, tiers,
                    r.queueId()));
        }
        return new RoutingRules(rules);
    }

    static SlaPolicies normalise(SlaPolicies request) {
        List<SlaPolicy> policies = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < request.policies().size(); i++) {
            SlaPolicy p = request.policies().get(i);
            String tier = p.tier() == null || p.tier().isBlank() ? null : label("policies[" + i + "].tier", p.tier());
            if (!keys.add(p.priority().value() + "/" + tier)) {
                throw ProblemException.badRequest("policies[" + i + "]", "another policy has the same priority and tier");
            }
            if (p.resolutionMinutes() < p.firstResponseMinutes()) {
                throw ProblemException.badRequest("policies[" + i + "].resolutionMinutes",
                        "must not be shorter than firstResponseMinutes");
            }
            if (needsQueue(p) && p.escalationQueueId() == null) {
                throw ProblemException.badRequest("policies[" + i + "].escalationQueueId",
                        "is required when an action moves tickets to the escalation queue");
            }
            policies.add(new SlaPolicy(p.name().strip(), p.priority(), tier, p.firstResponseMinutes(),
                    p.resolutionMinutes(), p.warningPercent(), p.warningActions(), p.breachActions(),
                    p.escalationQueueId()));
        }
        return new SlaPolicies(request.warningPercent(), policies);
    }

    private static boolean needsQueue(SlaPolicy p) {
        EscalationAction move = EscalationAction.MOVE_TO_ESCALATION_QUEUE;
        return p.warningActions().contains(move) || p.breachActions().contains(move);
    }

    private static List<String> labels(String field, List<String> values) {
        try {
            return Labels.normalise(values, 50);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }

    private static String label(String field, String value) {
        try {
            return Labels.normalise(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }

    private static int indexOf(List<RoutingRule> rules, UUID queueId) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).queueId().equals(queueId)) {
                return i;
            }
        }
        return 0;
    }

    private static int escalationIndex(SlaPolicies policies, UUID queueId) {
        for (int i = 0; i < policies.policies().size(); i++) {
            if (queueId.equals(policies.policies().get(i).escalationQueueId())) {
                return i;
            }
        }
        return 0;
    }
}
