package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import crm.analytics.repository.ScoringRepository;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.TenantContext;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Recomputes the scores that rank all of a tenant's customers (RFM, segment summaries, lookalikes) for
 * tenants with new data. Events only mark a tenant as stale; this runs at most once per interval per
 * tenant, so heavy ingestion does not re-rank the whole customer base per event.
 */
@ApplicationScoped
public class CustomerScorer {

    private static final Logger LOG = Logger.getLogger(CustomerScorer.class);
    private static final String CONSUMER = "analytics.scorer";
    private static final int TENANTS_PER_ROUND = 100;

    private final Pool pool;
    private final TenantScope scope;
    private final ScoringRepository scoring;
    private final AnalyticsConfig config;

    public CustomerScorer(Pool pool, TenantScope scope, ScoringRepository scoring, AnalyticsConfig config) {
        this.pool = pool;
        this.scope = scope;
        this.scoring = scoring;
        this.config = config;
    }

    @Scheduled(every = "${crm.analytics.scoring.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scoreStaleTenants() {
        return scoring.pending(pool, TENANTS_PER_ROUND)
                .onItem().transformToMulti(requests -> Multi.createFrom().iterable(requests))
                .onItem().transformToUniAndConcatenate(this::score)
                .collect().last()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Scoring round failed: %s", failure.getMessage());
                    return null;
                })
                .replaceWithVoid();
    }

    /** Scores one tenant brand-wide; a failure leaves its request in place for the next round. */
    private Uni<Void> score(ScoringRepository.Request request) {
        return scope.inTransaction(TenantContext.ofSystem(request.tenantId(), CONSUMER),
                        tx -> scoring.claim(tx, request.tenantId()).flatMap(claimed -> claimed
                                ? scoring.score(tx, config.scoring().referenceCustomers()).replaceWith(true)
                                : Uni.createFrom().item(false)))
                .flatMap(scored -> scored ? scoring.done(pool, request) : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Scoring tenant %s failed: %s", request.tenantId(), failure.getMessage());
                    return null;
                });
    }
}
