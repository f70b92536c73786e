package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StagePipelineTests {

    @Test
    void shouldOfferTheClassicFunnelByDefault() {
        assertThat(StagePipeline.DEFAULT.keys()).containsExactly("qualification", "needs_analysis", "proposal", "negotiation");
        assertThat(StagePipeline.DEFAULT.stages()).extracting(StageDefinition::probability).containsExactly(10, 25, 50, 75);
        assertThat(StagePipeline.DEFAULT.first().key()).isEqualTo("qualification");
        assertThat(StagePipeline.DEFAULT.version()).isZero();
    }

    @Test
    void shouldFindStagesByKeyAndKnowTheTwoOutcomes() {
        assertThat(StagePipeline.DEFAULT.find("proposal")).map(StageDefinition::probability).contains(50);
        assertThat(StagePipeline.DEFAULT.find("won")).isEmpty();
        assertThat(StagePipeline.isOutcome("won")).isTrue();
        assertThat(StagePipeline.isOutcome("lost")).isTrue();
        assertThat(StagePipeline.isOutcome("proposal")).isFalse();
    }

    @Test
    void shouldRefuseAPipelineWithoutOpenStages() {
        assertThatThrownBy(() -> new StagePipeline(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
