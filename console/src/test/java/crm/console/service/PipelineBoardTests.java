package crm.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBoardTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldSumEachStageAndWeighItsDealsByProbability() throws Exception {
        List<JsonNode> stages = list("""
                [{"key": "qualification", "name": "Qualification", "probability": 20},
                 {"key": "proposal", "name": "Proposal", "probability": 50},
                 {"key": "won", "name": "Won", "probability": 100}]""");
        List<JsonNode> deals = list("""
                [{"name": "E-bike", "stage": "proposal", "amount": 3499.00, "probability": 50, "currency": "EUR"},
                 {"name": "Cargo bike", "stage": "proposal", "amount": 5999.99, "probability": 50, "currency": "EUR"},
                 {"name": "Helmet", "stage": "qualification", "amount": 89.90, "probability": 20, "currency": "EUR"}]""");

        PipelineBoard board = PipelineBoard.of(stages, deals);

        assertThat(board.columns()).extracting(PipelineBoard.Column::key).containsExactly("qualification", "proposal");
        PipelineBoard.Column proposal = board.columns().get(1);
        assertThat(proposal.deals()).hasSize(2);
        assertThat(proposal.amount()).isEqualByComparingTo("9498.99");
        assertThat(proposal.weighted()).isEqualByComparingTo("4749.50");
        assertThat(board.columns().get(0).weighted()).isEqualByComparingTo("17.98");
        assertThat(board.totalAmount()).isEqualByComparingTo("9588.89");
        assertThat(board.weightedTotal()).isEqualByComparingTo("4767.48");
        assertThat(board.currency()).isEqualTo("EUR");
    }

    @Test
    void shouldGiveADealInAnUnknownStageAColumnAndUseTheStagesProbabilityWhenTheDealHasNone() throws Exception {
        List<JsonNode> stages = list("[{\"key\": \"proposal\", \"name\": \"Proposal\", \"probability\": 40}]");
        List<JsonNode> deals = list("""
                [{"name": "A", "stage": "proposal", "amount": 1000},
                 {"name": "B", "stage": "negotiation", "amount": 200, "probability": 75}]""");

        PipelineBoard board = PipelineBoard.of(stages, deals);

        assertThat(board.columns()).extracting(PipelineBoard.Column::key).containsExactly("proposal", "negotiation");
        assertThat(board.columns().get(0).weighted()).isEqualByComparingTo("400.00");
        assertThat(board.columns().get(1).weighted()).isEqualByComparingTo("150.00");
        assertThat(board.weightedTotal()).isEqualByComparingTo(BigDecimal.valueOf(550));
    }

    @Test
    void shouldShowTheStagesEvenWithoutDeals() throws Exception {
        PipelineBoard board = PipelineBoard.of(list("[{\"key\": \"lead\", \"name\": \"Lead\", \"probability\": 10}]"), List.of());

        assertThat(board.columns()).singleElement().satisfies(c -> {
            assertThat(c.deals()).isEmpty();
            assertThat(c.amount()).isZero();
        });
        assertThat(board.weightedTotal()).isZero();
    }

    private static List<JsonNode> list(String json) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        JSON.readTree(json).forEach(nodes::add);
        return nodes;
    }
}
