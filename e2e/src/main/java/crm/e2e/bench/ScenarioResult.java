package crm.e2e.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario reports: what was measured against what, at which size, its figures and notes; or
 * why it could not run ({@link #skipped}).
 */
final class ScenarioResult {

    private final String name;
    private final String title;
    private String crmSide = "";
    private String baselineSide = "";
    private String sizes = "";
    private String skipped;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ScenarioResult(String name, String title) {
        this.name = name;
        this.title = title;
    }

    ScenarioResult compares(String crm, String baseline) {
        this.crmSide = crm;
        this.baselineSide = baseline;
        return this;
    }

    ScenarioResult sizes(String sizes) {
        this.sizes = sizes;
        return this;
    }

    ScenarioResult add(Figure figure) {
        figures.add(figure);
        return this;
    }

    ScenarioResult note(String note) {
        notes.add(note);
        return this;
    }

    /** The scenario could not run; the reason says what is missing. */
    ScenarioResult skip(String reason) {
        this.skipped = reason;
        return this;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    String crmSide() {
        return crmSide;
    }

    String baselineSide() {
        return baselineSide;
    }

    String sizes() {
        return sizes;
    }

    String skipped() {
        return skipped;
    }

    List<Figure> figures() {
        return figures;
    }

    List<String> notes() {
        return notes;
    }
}
