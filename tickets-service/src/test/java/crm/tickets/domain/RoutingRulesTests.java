package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingRulesTests {

    private static final UUID BATTERY = UUID.randomUUID();
    private static final UUID VIP = UUID.randomUUID();
    private static final UUID MUNICH = UUID.randomUUID();

    private static RoutingFacts facts(String category, Priority priority, Channel channel, String unit, String subject,
                                      String tier) {
        return new RoutingFacts(category, priority, channel, unit, subject, null, tier);
    }

    private static RoutingRule rule(String name, UUID queue) {
        return new RoutingRule(name, null, null, null, null, null, null, queue);
    }

    @Test
    void shouldPickTheFirstMatchingRuleInOrder() {
        RoutingRules rules = new RoutingRules(List.of(
                new RoutingRule("vip", null, List.of(Priority.HIGH, Priority.URGENT), null, null, null, List.of("gold"), VIP),
                new RoutingRule("battery", List.of("battery"), null, null, null, null, null, BATTERY)));

        RoutingFacts goldBattery = facts("battery", Priority.HIGH, Channel.PHONE, null, "Akku", "gold");

        assertThat(rules.firstMatch(goldBattery)).map(RoutingRule::name).contains("vip");
        assertThat(rules.firstMatch(facts("battery", Priority.HIGH, Channel.PHONE, null, "Akku", "standard")))
                .map(RoutingRule::name).contains("battery");
    }

    @Test
    void shouldMatchNothingWithoutRules() {
        assertThat(RoutingRules.NONE.firstMatch(facts("x", Priority.LOW, Channel.WEB, null, "s", "standard"))).isEmpty();
    }

    @Test
    void shouldTreatMissingConditionsAsUnrestricted() {
        RoutingRule catchAll = rule("all", BATTERY);

        assertThat(catchAll.matches(facts(null, Priority.LOW, Channel.WEB, null, "anything", null))).isTrue();
    }

    @Test
    void shouldRequireEveryGivenCondition() {
        RoutingRule rule = new RoutingRule("phone battery in munich", List.of("battery"), null, List.of(Channel.PHONE),
                List.of("t-munich"), null, null, MUNICH);

        assertThat(rule.matches(facts("battery", Priority.NORMAL, Channel.PHONE, "t-munich", "s", null))).isTrue();
        assertThat(rule.matches(facts("battery", Priority.NORMAL, Channel.EMAIL, "t-munich", "s", null))).isFalse();
        assertThat(rule.matches(facts("battery", Priority.NORMAL, Channel.PHONE, "t-hamburg", "s", null))).isFalse();
        assertThat(rule.matches(facts("battery", Priority.NORMAL, Channel.PHONE, null, "s", null)))
                .as("a ticket without unit does not satisfy a unit condition").isFalse();
        assertThat(rule.matches(facts(null, Priority.NORMAL, Channel.PHONE, "t-munich", "s", null))).isFalse();
    }

    @Test
    void shouldMatchWholeWordsInSubjectOrDescriptionIgnoringCase() {
        RoutingRule rule = new RoutingRule("akku", null, null, null, null, List.of("akku", "fehler e42"), null, BATTERY);

        assertThat(rule.matches(facts(null, Priority.LOW, Channel.WEB, null, "Mein AKKU lädt nicht", null))).isTrue();
        assertThat(rule.matches(new RoutingFacts(null, Priority.LOW, Channel.WEB, null, "Display",
                "Es kommt Fehler E42, dann nichts", null))).isTrue();
        assertThat(rule.matches(facts(null, Priority.LOW, Channel.WEB, null, "Akkuladegerät defekt", null)))
                .as("part of a longer word is not the word").isFalse();
        assertThat(rule.matches(facts(null, Priority.LOW, Channel.WEB, null, "Fehler bei E42x", null))).isFalse();
    }

    @Test
    void shouldMatchTheCustomerTier() {
        RoutingRule gold = new RoutingRule("gold", null, null, null, null, null, List.of("gold", "platinum"), VIP);

        assertThat(gold.matches(facts(null, Priority.LOW, Channel.WEB, null, "s", "platinum"))).isTrue();
        assertThat(gold.matches(facts(null, Priority.LOW, Channel.WEB, null, "s", "standard"))).isFalse();
        assertThat(gold.matches(facts(null, Priority.LOW, Channel.WEB, null, "s", null))).isFalse();
    }

    @Test
    void shouldMatchAnyListedPriorityAndChannel() {
        RoutingRule rule = new RoutingRule("urgent calls", null, List.of(Priority.URGENT), List.of(Channel.PHONE,
                Channel.IN_STORE), null, null, null, VIP);

        assertThat(rule.matches(facts(null, Priority.URGENT, Channel.IN_STORE, null, "s", null))).isTrue();
        assertThat(rule.matches(facts(null, Priority.HIGH, Channel.PHONE, null, "s", null))).isFalse();
    }
}
