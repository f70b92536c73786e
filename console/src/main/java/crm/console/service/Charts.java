package crm.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECharts options built from the analytics API's rows. Each figure names the fields it prefers (label and
 * value); a row that names them differently still charts by its first text and numeric fields, so a
 * figure shows its data even while the read models grow new fields. The browser only renders the option.
 */
public final class Charts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Fields that identify rather than measure; never a series. */
    private static final Set<String> NOT_MEASURES = Set.of("id", "rank", "version", "year", "month", "week", "day",
            "days", "unitCount", "currency");
    private static final int MAX_SERIES = 5;

    private Charts() {
    }

    /** Categories along the x axis with one bar per category; {@code horizontal} for long labels. */
    public static ChartView bar(List<JsonNode> rows, List<String> labels, List<String> values, boolean horizontal) {
        List<String> categories = new ArrayList<>();
        ArrayNode data = JSON.arrayNode();
        String valueField = null;
        for (JsonNode row : rows) {
            valueField = valueField != null ? valueField : firstPresent(row, values, true);
            categories.add(label(row, labels));
            data.add(number(row.get(valueField)));
        }
        ObjectNode option = base();
        ObjectNode categoryAxis = JSON.objectNode().put("type", "category");
        categoryAxis.set("data", strings(categories));
        ObjectNode valueAxis = JSON.objectNode().put("type", "value");
        if (horizontal) {
            categoryAxis.put("inverse", true);
            option.set("yAxis", categoryAxis);
            option.set("xAxis", valueAxis);
            ((ObjectNode) option.get("grid")).put("left", 140);
        } else {
            option.set("xAxis", categoryAxis);
            option.set("yAxis", valueAxis);
        }
        ArrayNode series = option.putArray("series");
        series.addObject().put("type", "bar").put("name", valueField == null ? "" : valueField).set("data", data);
        return new ChartView(option, table(rows, categories, List.of(valueField == null ? "" : valueField), List.of(data)));
    }

    /** A line over periods: rows with the same period are added up, periods in the order they sort. */
    public static ChartView trend(List<JsonNode> rows, List<String> periods, List<String> values) {
        Map<String, BigDecimal> sums = new java.util.TreeMap<>();
        String valueField = null;
        for (JsonNode row : rows) {
            valueField = valueField != null ? valueField : firstPresent(row, values, true);
            String period = label(row, periods);
            sums.merge(period, decimal(row.get(valueField)), BigDecimal::add);
        }
        ObjectNode option = base();
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        x.set("data", strings(new ArrayList<>(sums.keySet())));
        option.putObject("yAxis").put("type", "value");
        ArrayNode data = JSON.arrayNode();
        sums.values().forEach(v -> data.add(v));
        option.putArray("series").addObject().put("type", "line").put("smooth", true)
                .put("name", valueField == null ? "" : valueField).set("data", data);
        return new ChartView(option, table(rows, new ArrayList<>(sums.keySet()),
                List.of(valueField == null ? "" : valueField), List.of(data)));
    }

    /**
     * Several measures per category side by side (funnel stages per channel, SLA figures per unit): every
     * numeric field of the rows is a series, up to five, unless {@code measures} names them.
     */
    public static ChartView grouped(List<JsonNode> rows, List<String> labels, List<String> measures) {
        List<String> fields = new ArrayList<>();
        for (String measure : measures) {
            if (rows.stream().anyMatch(r -> r.path(measure).isNumber())) {
                fields.add(measure);
            }
        }
        if (fields.isEmpty()) {
            for (JsonNode row : rows) {
                Iterator<Map.Entry<String, JsonNode>> members = row.fields();
                while (members.hasNext() && fields.size() < MAX_SERIES) {
                    Map.Entry<String, JsonNode> member = members.next();
                    if (member.getValue().isNumber() && !NOT_MEASURES.contains(member.getKey())
                            && !labels.contains(member.getKey()) && !fields.contains(member.getKey())) {
                        fields.add(member.getKey());
                    }
                }
            }
        }
        List<String> categories = new ArrayList<>();
        rows.forEach(row -> categories.add(label(row, labels)));
        ObjectNode option = base();
        option.putObject("legend");
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        x.set("data", strings(categories));
        option.putObject("yAxis").put("type", "value");
        ArrayNode series = option.putArray("series");
        List<ArrayNode> columns = new ArrayList<>();
        for (String field : fields) {
            ArrayNode data = JSON.arrayNode();
            rows.forEach(row -> data.add(number(row.get(field))));
            series.addObject().put("type", "bar").put("name", field).set("data", data);
            columns.add(data);
        }
        return new ChartView(option, table(rows, categories, fields, columns));
    }

    /** The rows of an answer: a plain array, a page's {@code items}, or the first array member of an object. */
    public static List<JsonNode> rowsOf(JsonNode body) {
        List<JsonNode> rows = new ArrayList<>();
        if (body == null) {
            return rows;
        }
        JsonNode array = body.isArray() ? body : body.path("items");
        if (!array.isArray()) {
            Iterator<JsonNode> members = body.elements();
            while (members.hasNext()) {
                JsonNode member = members.next();
                if (member.isArray()) {
                    array = member;
                    break;
                }
            }
        }
        if (array.isArray()) {
            array.forEach(row -> {
                if (row.isObject()) {
                    rows.add(row);
                }
            });
        }
        return rows;
    }

    private static ObjectNode base() {
        ObjectNode option = JSON.objectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 60).put("right", 20).put("top", 40).put("bottom", 40).put("containLabel", true);
        return option;
    }

    static String label(JsonNode row, List<String> candidates) {
        for (String candidate : candidates) {
            JsonNode value = row.get(candidate);
            if (value != null && !value.isNull() && !value.isContainerNode()) {
                return value.asText();
            }
        }
        Iterator<Map.Entry<String, JsonNode>> members = row.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isTextual()) {
                return member.getValue().asText();
            }
        }
        return "?";
    }

    /** The first candidate the row has as a number; else its first numeric field that measures something. */
    static String firstPresent(JsonNode row, List<String> candidates, boolean numeric) {
        for (String candidate : candidates) {
            JsonNode value = row.get(candidate);
            if (value != null && (!numeric || value.isNumber() || isNumericText(value))) {
                return candidate;
            }
        }
        Iterator<Map.Entry<String, JsonNode>> members = row.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNumber() && !NOT_MEASURES.contains(member.getKey())) {
                return member.getKey();
            }
        }
        return null;
    }

    private static boolean isNumericText(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            new BigDecimal(value.asText());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static JsonNode number(JsonNode value) {
        return JSON.numberNode(decimal(value));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String plain(JsonNode value) {
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
    }

    /** The same figures as a table, for screen readers and for reading exact values. */
    private static List<List<String>> table(List<JsonNode> rows, List<String> categories, List<String> fields,
                                            List<ArrayNode> columns) {
        List<List<String>> table = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add("");
        head.addAll(fields);
        table.add(head);
        for (int i = 0; i < categories.size(); i++) {
            List<String> line = new ArrayList<>();
            line.add(categories.get(i));
            for (ArrayNode column : columns) {
                line.add(i < column.size() ? plain(column.get(i)) : "");
            }
            table.add(line);
        }
        return table;
    }
}
