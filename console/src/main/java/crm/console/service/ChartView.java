package crm.console.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import java.util.List;

/** A chart for the page: the ECharts option as JSON, and its figures as a table. */
@TemplateData
public record ChartView(ObjectNode option, List<List<String>> table) {

    /** The option for the {@code data-chart} attribute (the template escapes it for HTML). */
    public String json() {
        return option.toString();
    }

    /** How many values the chart shows; zero means there is nothing to draw yet. */
    public int points() {
        int points = 0;
        for (var series : option.path("series")) {
            points += series.path("data").size();
        }
        return points;
    }

    public List<String> head() {
        return table.isEmpty() ? List.of() : table.get(0);
    }

    public List<List<String>> rows() {
        return table.size() <= 1 ? List.of() : table.subList(1, table.size());
    }
}
