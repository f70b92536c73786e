package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadWorkflowTests {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "new, contacted, true", "new, qualified, false", "new, converted, false", "new, disqualified, true",
            "new, nurture, true", "new, new, false",
            "contacted, qualified, true", "contacted, converted, false", "contacted, disqualified, true",
            "contacted, nurture, true", "contacted, contacted, false", "contacted, new, false",
            "qualified, converted, true", "qualified, disqualified, true", "qualified, nurture, true",
            "qualified, contacted, false",
            "nurture, contacted, true", "nurture, qualified, true", "nurture, disqualified, true",
            "nurture, nurture, true", "nurture, converted, false", "nurture, new, false",
            "converted, disqualified, false", "converted, contacted, false", "converted, nurture, false",
            "disqualified, contacted, false", "disqualified, new, false", "disqualified, nurture, false"})
    void shouldAllowOnlyTheWorkflowsSteps(String from, String to, boolean allowed) {
        assertThat(LeadWorkflow.allows(LeadStatus.of(from), LeadStatus.of(to))).isEqualTo(allowed);
        assertThat(LeadWorkflow.refusal(LeadStatus.of(from), LeadStatus.of(to)) == null).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1} refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "new|qualified|A new lead cannot become qualified; allowed next: contacted, disqualified, nurture",
            "converted|contacted|The lead is converted, a final status; it cannot become contacted"})
    void shouldSayWhatIsAllowedInstead(String from, String to, String message) {
        assertThat(LeadWorkflow.refusal(LeadStatus.of(from), LeadStatus.of(to))).isEqualTo(message);
    }
}
