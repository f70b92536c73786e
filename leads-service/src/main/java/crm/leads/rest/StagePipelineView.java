package crm.leads.rest;

import crm.leads.domain.StagePipeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's pipeline: its open stages in order, then the two outcomes (won 100 %, lost 0 %) that are
 * part of every pipeline. {@code version} 0 means the built-in default is in use.
 */
public record StagePipelineView(List<StageView> stages, int version) {

    /** A stage; {@code outcome} is open for the configurable stages, won or lost for the two endings. */
    public record StageView(String key, String name, int probability, String outcome) {
    }

    static StagePipelineView of(StagePipeline pipeline) {
        List<StageView> stages = new ArrayList<>();
        pipeline.stages().forEach(s -> stages.add(new StageView(s.key(), s.name(), s.probability(), "open")));
        stages.add(new StageView(StagePipeline.WON, "Won", 100, "won"));
        stages.add(new StageView(StagePipeline.LOST, "Lost", 0, "lost"));
        return new StagePipelineView(stages, pipeline.version());
    }
}
