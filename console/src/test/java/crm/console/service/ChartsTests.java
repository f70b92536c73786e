package crm.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldChartTheNamedLabelAndValueOfEachRow() throws Exception {
        List<JsonNode> rows = Charts.rowsOf(JSON.readTree("""
                {"items": [{"contactId": "c1", "name": "Jana Schulz", "revenue": 5120.50, "orders": 3},
                           {"contactId": "c2", "name": "Ole Hansen", "revenue": 899.00, "orders": 1}]}"""));

        ChartView chart = Charts.bar(rows, List.of("name"), List.of("revenue"), true);

        assertThat(chart.option().at("/yAxis/data").toString()).isEqualTo("[\"Jana Schulz\",\"Ole Hansen\"]");
        assertThat(chart.option().at("/series/0/data/0").decimalValue()).isEqualByComparingTo("5120.50");
        assertThat(chart.option().at("/series/0/type").asText()).isEqualTo("bar");
        assertThat(chart.points()).isEqualTo(2);
        assertThat(chart.rows()).containsExactly(List.of("Jana Schulz", "5120.5"), List.of("Ole Hansen", "899"));
    }

    @Test
    void shouldFallBackToTheFirstTextAndMeasureWhenTheRowNamesThemDifferently() throws Exception {
        List<JsonNode> rows = Charts.rowsOf(JSON.readTree("""
                [{"rank": 1, "title": "City e-bike", "soldUnits": 42}]"""));

        ChartView chart = Charts.bar(rows, List.of("name"), List.of("revenue"), false);

        assertThat(chart.option().at("/xAxis/data/0").asText()).isEqualTo("City e-bike");
        assertThat(chart.option().at("/series/0/data/0").asInt()).isEqualTo(42);
    }

    @Test
    void shouldAddUpATrendPerPeriodInTimeOrder() throws Exception {
        List<JsonNode> rows = Charts.rowsOf(JSON.readTree("""
                {"period": "month", "items": [
                  {"period": "2026-11", "productId": "a", "revenue": 100},
                  {"period": "2026-10", "productId": "a", "revenue": 50},
                  {"period": "2026-11", "productId": "b", "revenue": 25.5}]}"""));

        ChartView chart = Charts.trend(rows, List.of("period"), List.of("revenue"));

        assertThat(chart.option().at("/xAxis/data").toString()).isEqualTo("[\"2026-10\",\"2026-11\"]");
        assertThat(chart.option().at("/series/0/data/1").decimalValue()).isEqualByComparingTo("125.5");
        assertThat(chart.option().at("/series/0/type").asText()).isEqualTo("line");
    }

    @Test
    void shouldChartEveryMeasureOfAGroupedFigure() throws Exception {
        List<JsonNode> rows = Charts.rowsOf(JSON.readTree("""
                [{"channel": "website", "captured": 40, "contacted": 30, "qualified": 12, "converted": 5},
                 {"channel": "trade_fair", "captured": 20, "contacted": 18, "qualified": 9, "converted": 4}]"""));

        ChartView chart = Charts.grouped(rows, List.of("channel"),
                List.of("captured", "contacted", "qualified", "converted", "won"));

        assertThat(chart.option().path("series")).hasSize(4);
        assertThat(chart.option().at("/series/3/name").asText()).isEqualTo("converted");
        assertThat(chart.option().at("/series/3/data/1").asInt()).isEqualTo(4);
        assertThat(chart.points()).isEqualTo(8);
        assertThat(chart.head()).containsExactly("", "captured", "contacted", "qualified", "converted");
    }

    @Test
    void shouldHaveNothingToDrawForNoRows() throws Exception {
        assertThat(Charts.bar(Charts.rowsOf(JSON.readTree("{\"items\": []}")), List.of("name"), List.of("revenue"), true)
                .points()).isZero();
        assertThat(Charts.rowsOf(null)).isEmpty();
    }
}
