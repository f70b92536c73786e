package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentPickerTests {

    private static QueueMember member(String agent, Integer capacity, String... skills) {
        return new QueueMember(agent, List.of(skills), capacity, true);
    }

    private static final List<QueueMember> TEAM = List.of(member("anna", null, "battery"), member("ben", 2, "motor"),
            member("cem", 5, "battery", "motor"));

    @Test
    void shouldTakeTurnsInMemberOrder() {
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, TEAM, Map.of(), null, null)).contains("anna");
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, TEAM, Map.of(), "anna", null)).contains("ben");
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, TEAM, Map.of(), "ben", null)).contains("cem");
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, TEAM, Map.of(), "cem", null)).contains("anna");
    }

    @Test
    void shouldSkipMembersWithoutRoomInTheRotation() {
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, TEAM, Map.of("ben", 2), "anna", null)).contains("cem");
    }

    @Test
    void shouldStartFromTheTopWhenThePreviousAgentLeftTheQueue() {
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, TEAM, Map.of(), "dora", null)).contains("anna");
    }

    @Test
    void shouldPickTheLeastLoadedAndPreferEarlierMembersOnATie() {
        assertThat(AgentPicker.pick(AssignmentStrategy.LEAST_LOADED, TEAM, Map.of("anna", 3, "ben", 1, "cem", 1),
                null, null)).contains("ben");
        assertThat(AgentPicker.pick(AssignmentStrategy.LEAST_LOADED, TEAM, Map.of(), null, null)).contains("anna");
    }

    @Test
    void shouldRespectCapacity() {
        assertThat(AgentPicker.pick(AssignmentStrategy.LEAST_LOADED, TEAM, Map.of("anna", 9, "ben", 2, "cem", 5),
                null, null)).contains("anna");
        List<QueueMember> full = List.of(member("ben", 2), member("cem", 1));
        assertThat(AgentPicker.pick(AssignmentStrategy.LEAST_LOADED, full, Map.of("ben", 2, "cem", 1), null, null))
                .isEmpty();
    }

    @Test
    void shouldPickAmongSkilledMembersByLoad() {
        assertThat(AgentPicker.pick(AssignmentStrategy.SKILL, TEAM, Map.of("anna", 4, "cem", 1), null, "battery"))
                .contains("cem");
        assertThat(AgentPicker.pick(AssignmentStrategy.SKILL, TEAM, Map.of(), null, "motor")).contains("ben");
        assertThat(AgentPicker.pick(AssignmentStrategy.SKILL, TEAM, Map.of(), null, "brakes"))
                .as("nobody has the skill: the ticket waits in the queue").isEmpty();
        assertThat(AgentPicker.pick(AssignmentStrategy.SKILL, TEAM, Map.of(), null, null)).isEmpty();
    }

    @Test
    void shouldLeaveOutInactiveMembers() {
        List<QueueMember> team = List.of(new QueueMember("anna", List.of(), null, false), member("ben", null));

        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, team, Map.of(), null, null)).contains("ben");
        assertThat(AgentPicker.pick(AssignmentStrategy.LEAST_LOADED, team, Map.of("ben", 50), null, null)).contains("ben");
    }

    @Test
    void shouldAssignNobodyInAnEmptyQueue() {
        assertThat(AgentPicker.pick(AssignmentStrategy.ROUND_ROBIN, List.of(), Map.of(), null, null)).isEmpty();
    }
}
