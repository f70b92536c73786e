package crm.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open opportunities by pipeline stage, with each column's amount and the weighted forecast
 * (amount x probability / 100), rounded to the cent once per column and once for the total. Stages come in
 * the tenant's order; a deal in a stage the list does not know gets a column of its own at the end.
 */
@TemplateData
public record PipelineBoard(List<Column> columns, BigDecimal totalAmount, BigDecimal weightedTotal, String currency) {

    /** One stage of the board with its deals. */
    @TemplateData
    public record Column(String key, String name, int probability, List<Object> deals, BigDecimal amount,
                         BigDecimal weighted) {
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static PipelineBoard of(List<JsonNode> stages, List<JsonNode> opportunities) {
        Map<String, List<JsonNode>> byStage = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> probabilities = new LinkedHashMap<>();
        for (JsonNode stage : stages) {
            String key = stage.path("key").asText();
            if (key.isEmpty() || "won".equals(key) || "lost".equals(key)) {
                continue;
            }
            byStage.put(key, new ArrayList<>());
            names.put(key, stage.path("name").asText(key));
            probabilities.put(key, stage.path("probability").asInt(0));
        }
        String currency = null;
        for (JsonNode deal : opportunities) {
            String key = deal.path("stage").asText("");
            byStage.computeIfAbsent(key, k -> new ArrayList<>()).add(deal);
            names.putIfAbsent(key, key);
            probabilities.putIfAbsent(key, deal.path("probability").asInt(0));
            if (currency == null && deal.hasNonNull("currency")) {
                currency = deal.get("currency").asText();
            }
        }
        List<Column> columns = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weightedTotal = BigDecimal.ZERO;
        for (Map.Entry<String, List<JsonNode>> entry : byStage.entrySet()) {
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            List<Object> deals = new ArrayList<>();
            for (JsonNode deal : entry.getValue()) {
                BigDecimal value = deal.path("amount").isNumber() ? deal.get("amount").decimalValue() : BigDecimal.ZERO;
                int probability = deal.has("probability") ? deal.get("probability").asInt()
                        : probabilities.getOrDefault(entry.getKey(), 0);
                amount = amount.add(value);
                weighted = weighted.add(value.multiply(BigDecimal.valueOf(probability)));
                deals.add(JsonView.of(deal));
            }
            weighted = weighted.divide(HUNDRED, 2, RoundingMode.HALF_UP);
            total = total.add(amount);
            weightedTotal = weightedTotal.add(weighted);
            columns.add(new Column(entry.getKey(), names.get(entry.getKey()), probabilities.get(entry.getKey()),
                    deals, amount, weighted));
        }
        return new PipelineBoard(columns, total, weightedTotal, currency == null ? "EUR" : currency);
    }
}
