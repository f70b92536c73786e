package crm.tickets.domain;

import java.util.List;
import java.util.Optional;

/** A tenant's rules in their order: the first rule whose conditions hold decides the queue. */
public record RoutingRules(List<RoutingRule> rules) {

    public static final RoutingRules NONE = new RoutingRules(List.of());

    public RoutingRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public Optional<RoutingRule> firstMatch(RoutingFacts facts) {
        return rules.stream().filter(rule -> rule.matches(facts)).findFirst();
    }
}
