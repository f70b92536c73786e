package crm.leads.domain;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's sales pipeline: its open stages in order, each with a win probability. Won (100 %) and
 * lost (0 %) are not configurable stages but the two outcomes every pipeline ends in. {@code version}
 * 0 is the built-in default of a tenant that has configured nothing yet.
 */
public record StagePipeline(List<StageDefinition> stages, int version) {

    public static final String WON = "won";
    public static final String LOST = "lost";

    /** The pipeline of a tenant that has not configured one: a classic B2B/B2C sales funnel. */
    public static final StagePipeline DEFAULT = new StagePipeline(List.of(
            new StageDefinition("qualification", "Qualification", 10),
            new StageDefinition("needs_analysis", "Needs analysis", 25),
            new StageDefinition("proposal", "Proposal", 50),
            new StageDefinition("negotiation", "Negotiation", 75)), 0);

    public StagePipeline {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one open stage");
        }
    }

    /** Where a new opportunity starts. */
    public StageDefinition first() {
        return stages.get(0);
    }

    public Optional<StageDefinition> find(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public List<String> keys() {
        return stages.stream().map(StageDefinition::key).toList();
    }

    /** Whether {@code key} names one of the two outcomes rather than an open stage. */
    public static boolean isOutcome(String key) {
        return WON.equals(key) || LOST.equals(key);
    }
}
