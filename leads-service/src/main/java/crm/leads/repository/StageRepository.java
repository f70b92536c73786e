package crm.leads.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import crm.leads.domain.StageDefinition;
import crm.leads.domain.StagePipeline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant's pipeline configuration (one row per tenant, none while the default applies). */
@ApplicationScoped
public class StageRepository {

    private static final TypeReference<List<StageDefinition>> STAGES = new TypeReference<>() {
    };

    private final Json json;

    public StageRepository(Json json) {
        this.json = json;
    }

    /** The tenant's pipeline, or the default while it has configured none. */
    public Uni<StagePipeline> find(SqlConnection tx) {
        return tx.query("select stages, version from pipeline").execute().map(this::pipelineOrDefault);
    }

    /**
     * The pipeline, locked against concurrent changes until the transaction ends. The default is written
     * first (as version 0) if the tenant has no row yet, so that two first-time changes also queue up
     * on the row instead of racing to insert it.
     */
    public Uni<StagePipeline> lock(SqlConnection tx, String subject) {
        return tx.preparedQuery("insert into pipeline (stages, version, updated_by) values ($1, 0, $2)"
                        + " on conflict (tenant_id) do nothing")
                .execute(Tuple.of(json.column(StagePipeline.DEFAULT.stages()), subject))
                .flatMap(ignored -> tx.query("select stages, version from pipeline for update").execute())
                .map(this::pipelineOrDefault);
    }

    /** Stores new stages on the locked row; answers the new version. */
    public Uni<StagePipeline> save(SqlConnection tx, List<StageDefinition> stages, String subject) {
        return tx.preparedQuery("update pipeline set stages = $1, version = version + 1, updated_by = $2,"
                        + " updated_at = now() returning stages, version")
                .execute(Tuple.of(json.column(stages), subject))
                .map(this::pipelineOrDefault);
    }

    /** How many open opportunities sit in stages that are not among {@code keys}, per such stage. */
    public Uni<Map<String, Long>> openOutside(SqlConnection tx, List<String> keys) {
        return tx.preparedQuery("select stage, count(*) from opportunity where status = 'open' and stage <> all($1)"
                        + " group by stage order by stage")
                .execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
                    return counts;
                });
    }

    /** Open opportunities take on their stage's new probability (a new version, so delta sync sees it). */
    public Uni<Integer> applyProbabilities(SqlConnection tx, List<StageDefinition> stages) {
        return tx.preparedQuery("update opportunity o set probability = s.probability, version = o.version + 1,"
                        + " updated_at = now() from jsonb_to_recordset($1) as s(key text, probability integer)"
                        + " where o.status = 'open' and o.stage = s.key and o.probability <> s.probability")
                .execute(Tuple.of(json.column(stages)))
                .map(RowSet::rowCount);
    }

    private StagePipeline pipelineOrDefault(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return StagePipeline.DEFAULT;
        }
        Row row = rows.iterator().next();
        return new StagePipeline(json.read(row.getValue("stages"), STAGES), row.getInteger("version"));
    }
}
