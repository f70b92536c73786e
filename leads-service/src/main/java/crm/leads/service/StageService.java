package crm.leads.service;

import crm.leads.domain.StageDefinition;
import crm.leads.domain.StagePipeline;
import crm.leads.repository.StageRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant's pipeline stages. A change applies the new probabilities to the open opportunities of each
 * stage at once (forecasts follow the configuration), and a stage that still holds open opportunities
 * cannot be removed: they would be left in a stage nobody can see (409).
 */
@ApplicationScoped
public class StageService {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final StageRepository stages;

    public StageService(TenantScope scope, CurrentTenant currentTenant, StageRepository stages) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.stages = stages;
    }

    public Uni<StagePipeline> findPipeline() {
        return scope.inTransaction(currentTenant.get(), stages::find);
    }

    public Uni<StagePipeline> replacePipeline(ExpectedVersion expected, @Valid @NotNull StageSettings request) {
        TenantContext context = currentTenant.get();
        if (!context.isBrandWide()) {
            throw ProblemException.forbidden("The pipeline is the brand's; only headquarters' admins change it");
        }
        List<StageDefinition> next = toDefinitions(request);
        List<String> keys = next.stream().map(StageDefinition::key).toList();
        return scope.inTransaction(context, tx -> stages.lock(tx, context.subject()).flatMap(current -> {
            expected.check("The pipeline", current.version());
            return stages.openOutside(tx, keys).flatMap(stranded -> {
                if (!stranded.isEmpty()) {
                    throw ProblemException.conflict("Stages still holding open opportunities cannot be removed: "
                            + stranded.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")) + "; move those opportunities first");
                }
                return stages.save(tx, next, context.subject());
            }).call(saved -> stages.applyProbabilities(tx, next));
        }));
    }

    private static List<StageDefinition> toDefinitions(StageSettings request) {
        Set<String> seen = new HashSet<>();
        List<StageDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < request.stages().size(); i++) {
            StageSettings.Stage stage = request.stages().get(i);
            String field = "stages[" + i + "].key";
            if (StagePipeline.isOutcome(stage.key())) {
                throw ProblemException.badRequest(field, "won and lost are the outcomes every pipeline ends in;"
                        + " list only the open stages");
            }
            if (!seen.add(stage.key())) {
                throw ProblemException.badRequest(field, "must be unique; " + stage.key() + " appears twice");
            }
            definitions.add(new StageDefinition(stage.key(), stage.name().strip(), stage.probability()));
        }
        return definitions;
    }
}
