package crm.analytics.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.analytics.domain.LeadFigures.LookalikeLead;
import crm.analytics.domain.LeadFigures.Lookalikes;
import crm.analytics.domain.LeadFigures.MatchedFeature;
import crm.analytics.repository.LookalikeRepository;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Open leads that look like the tenant's best customers, with the features that matched. */
@ApplicationScoped
public class LookalikeReports {

    private static final TypeReference<List<MatchedFeature>> FEATURES = new TypeReference<>() {
    };

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final LookalikeRepository lookalikes;
    private final ObjectMapper mapper;

    public LookalikeReports(TenantScope scope, CurrentTenant currentTenant, LookalikeRepository lookalikes,
                            ObjectMapper mapper) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.lookalikes = lookalikes;
        this.mapper = mapper;
    }

    public Uni<Lookalikes> best(int limit) {
        return scope.inTransaction(currentTenant.get(), tx -> lookalikes.best(tx, limit)).map(rows -> {
            List<LookalikeLead> items = new ArrayList<>();
            for (Row r : rows) {
                String[] products = r.getArrayOfStrings("products_of_interest");
                items.add(new LookalikeLead(r.getUUID("lead_id"), r.getString("unit_id"), r.getString("channel"),
                        r.getString("postal_code"), r.getString("company_name"), r.getString("company_size"),
                        products == null ? List.of() : Arrays.asList(products), r.getOffsetDateTime("captured_at"),
                        r.getString("status"), r.getBigDecimal("lookalike_score"), features(r.getString("features"))));
            }
            return new Lookalikes(items);
        });
    }

    private List<MatchedFeature> features(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, FEATURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lookalike features cannot be read", e);
        }
    }
}
