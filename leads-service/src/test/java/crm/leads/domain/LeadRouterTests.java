package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadRouterTests {

    private static final Territories TERRITORIES = new Territories(List.of(
            new Territories.Territory("hamburg", "hamburg", List.of("20", "22"), List.of()),
            new Territories.Territory("munich", "munich", List.of("80"), List.of())));

    private static RoutingRules.UnitRoster roster(AssignmentStrategy strategy, RoutingRules.Rep... reps) {
        return new RoutingRules.UnitRoster("hamburg", strategy, List.of(reps));
    }

    private static RoutingRules.Rep rep(String id, int capacity) {
        return new RoutingRules.Rep(id, capacity, null);
    }

    @Test
    void shouldRouteByTerritory() {
        LeadRouter.UnitChoice unit = LeadRouter.chooseUnit(null, "20095", null, TERRITORIES);

        assertThat(unit.unitId()).isEqualTo("hamburg");
        assertThat(unit.territoryId()).isEqualTo("hamburg");
        assertThat(unit.reason()).isEqualTo("territory hamburg (postal code prefix 20)");
    }

    @Test
    void shouldKeepAUnitFixedAtCaptureWhateverThePostalCode() {
        LeadRouter.UnitChoice unit = LeadRouter.chooseUnit("munich", "20095", "berlin", TERRITORIES);

        assertThat(unit.unitId()).isEqualTo("munich");
        assertThat(unit.territoryId()).isNull();
        assertThat(unit.reason()).isEqualTo("unit set at capture");
    }

    @ParameterizedTest(name = "postal code [{0}], fallback [{1}] -> [{2}]")
    @CsvSource(value = {"30159|berlin|berlin", "30159|null|null", "null|berlin|berlin", "null|null|null",
            "80331|berlin|munich"}, delimiter = '|', nullValues = "null")
    void shouldFallBackToTheFormsUnitAndThenToHeadquarters(String postalCode, String fallback, String expected) {
        LeadRouter.UnitChoice unit = LeadRouter.chooseUnit(null, postalCode, fallback, TERRITORIES);

        assertThat(unit.unitId()).isEqualTo(expected);
        assertThat(unit.isHeadquarters()).isEqualTo(expected == null);
    }

    @Test
    void shouldExplainTheHeadquartersFallback() {
        RoutingDecision decision = LeadRouter.decide(LeadRouter.chooseUnit(null, "30159", null, TERRITORIES),
                new LeadRouter.RepChoice(null, "unused"));

        assertThat(decision.queue()).isEqualTo(LeadQueue.HQ);
        assertThat(decision.unitId()).isNull();
        assertThat(decision.ownerId()).isNull();
        assertThat(decision.reason()).isEqualTo("no territory for postal code 30159; HQ queue");
        assertThat(LeadRouter.chooseUnit(null, null, null, TERRITORIES).reason()).isEqualTo("no postal code");
    }

    @Test
    void shouldGoRoundRobinInListedOrder() {
        RoutingRules.UnitRoster roster = roster(AssignmentStrategy.ROUND_ROBIN, rep("anna", 10), rep("ben", 10),
                rep("cem", 10));
        List<String> owners = new ArrayList<>();
        String last = null;
        for (int i = 0; i < 7; i++) {
            last = LeadRouter.chooseRep(roster, Map.of(), last, Set.of()).ownerId();
            owners.add(last);
        }

        assertThat(owners).containsExactly("anna", "ben", "cem", "anna", "ben", "cem", "anna");
    }

    @Test
    void shouldStartRoundRobinFromTheTopWhenTheLastRepLeftTheRoster() {
        RoutingRules.UnitRoster roster = roster(AssignmentStrategy.ROUND_ROBIN, rep("anna", 10), rep("ben", 10));

        assertThat(LeadRouter.chooseRep(roster, Map.of(), "gone", Set.of()).ownerId()).isEqualTo("anna");
    }

    @Test
    void shouldSkipRepsAtCapacityInactiveOrExcluded() {
        RoutingRules.UnitRoster roster = roster(AssignmentStrategy.ROUND_ROBIN, rep("anna", 2),
                new RoutingRules.Rep("ben", 10, false), rep("cem", 0), rep("dana", 5), rep("emil", 5));

        LeadRouter.RepChoice choice = LeadRouter.chooseRep(roster, Map.of("anna", 2), null, Set.of("dana"));

        assertThat(choice.ownerId()).isEqualTo("emil");
        assertThat(choice.reason()).isEqualTo("round robin");
    }

    @Test
    void shouldKeepTheLeadInTheUnitQueueWhenEveryRepIsFull() {
        RoutingRules.UnitRoster roster = roster(AssignmentStrategy.LEAST_LOADED, rep("anna", 2), rep("ben", 3));

        LeadRouter.RepChoice choice = LeadRouter.chooseRep(roster, Map.of("anna", 2, "ben", 3), null, Set.of());

        assertThat(choice.ownerId()).isNull();
        assertThat(choice.reason()).isEqualTo("no rep with free capacity; unit queue");
    }

    @Test
    void shouldKeepTheLeadInTheUnitQueueWhenTheUnitHasNoReps() {
        assertThat(LeadRouter.chooseRep(null, Map.of(), null, Set.of()).ownerId()).isNull();
        assertThat(LeadRouter.chooseRep(roster(AssignmentStrategy.ROUND_ROBIN), Map.of(), null, Set.of()).reason())
                .isEqualTo("no reps configured for the unit; unit queue");
    }

    @ParameterizedTest(name = "loads anna={0} ben={1} cem={2}, last {3} -> {4}")
    @CsvSource(value = {"3|1|2|null|ben", "0|0|0|null|anna", "0|0|0|anna|ben", "1|0|0|ben|cem", "2|2|1|cem|cem",
            "5|5|5|cem|anna", "4|5|4|anna|cem"}, delimiter = '|', nullValues = "null")
    void shouldPickTheLeastLoadedRepWithTiesGoingInTurn(int anna, int ben, int cem, String last, String expected) {
        RoutingRules.UnitRoster roster = roster(AssignmentStrategy.LEAST_LOADED, rep("anna", 10), rep("ben", 10),
                rep("cem", 10));

        LeadRouter.RepChoice choice = LeadRouter.chooseRep(roster, Map.of("anna", anna, "ben", ben, "cem", cem), last,
                Set.of());

        assertThat(choice.ownerId()).isEqualTo(expected);
        assertThat(choice.reason()).startsWith("least loaded rep");
    }

    @Test
    void shouldSpreadLeadsEvenlyWhenLeastLoaded() {
        RoutingRules.UnitRoster roster = roster(AssignmentStrategy.LEAST_LOADED, rep("anna", 10), rep("ben", 10),
                rep("cem", 10));
        Map<String, Integer> loads = new HashMap<>(Map.of("anna", 4));
        String last = null;
        for (int i = 0; i < 8; i++) {
            last = LeadRouter.chooseRep(roster, loads, last, Set.of()).ownerId();
            loads.merge(last, 1, Integer::sum);
        }

        assertThat(loads).containsEntry("anna", 4).containsEntry("ben", 4).containsEntry("cem", 4);
    }

    @Test
    void shouldRecordUnitAndRepReasonsInTheDecision() {
        RoutingDecision decision = LeadRouter.decide(LeadRouter.chooseUnit(null, "22767", null, TERRITORIES),
                LeadRouter.chooseRep(roster(AssignmentStrategy.ROUND_ROBIN, rep("anna", 1)), Map.of(), null, Set.of()));

        assertThat(decision.unitId()).isEqualTo("hamburg");
        assertThat(decision.ownerId()).isEqualTo("anna");
        assertThat(decision.queue()).isEqualTo(LeadQueue.UNIT);
        assertThat(decision.territoryId()).isEqualTo("hamburg");
        assertThat(decision.reason()).isEqualTo("territory hamburg (postal code prefix 22); round robin");
    }
}
