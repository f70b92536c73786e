package crm.analytics.service;

import crm.analytics.config.AnalyticsConfig;
import crm.analytics.repository.ScoringRepository;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.TenantContext;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Recomputes the scores that rank all of a tenant's customers (RFM, segment summaries, lookalikes) for
 * tenants with new data. Events only mark a tenant as stale; this runs at most once per interval per
 * tenant, so heavy ingestion does not re-rank the whole customer base per event, and it pauses after a
 * long round so that it takes at most a configured share of the time.
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
    /** nanoTime before which a scheduled round is skipped (see {@link AnalyticsConfig.Scoring#maxShareOfTime}). */
    private volatile long notBefore = System.nanoTime();

    public CustomerScorer(Pool pool, TenantScope scope, ScoringRepository scoring, AnalyticsConfig config) {
        this.pool = pool;
        this.scope = scope;
        this.scoring = scoring;
        this.config = config;
    }

    @Scheduled(every = "${crm.analytics.scoring.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scoreStaleTenants() {
        if (System.nanoTime() < notBefore) {
            return Uni.createFrom().voidItem();
        }
        long started = System.nanoTime();
        return scoring.pending(pool, TENANTS_PER_ROUND)
                .onItem().transformToMulti(requests -> Multi.createFrom().iterable(requests))
                .onItem().transformToUniAndConcatenate(this::score)
                .collect().last()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Scoring round failed: %s", failure.getMessage());
                    return null;
                })
                .invoke(() -> notBefore = pauseAfter(started, System.nanoTime(), config.scoring().maxShareOfTime()))
                .replaceWithVoid();
    }

    /** When the next round may start after one that ran from {@code started} to {@code ended} (nanoTime). */
    static long pauseAfter(long started, long ended, double maxShareOfTime) {
        double share = Math.min(1, Math.max(maxShareOfTime, 0.01));
        return ended + (long) ((ended - started) * (1 / share - 1));
    }

    /**
     * Scores one tenant brand-wide: customers in one transaction, then open leads in chunks of a
     * transaction each (see {@link ScoringRepository}); a failure leaves its request in place for the
     * next round.
     */
    private Uni<Void> score(ScoringRepository.Request request) {
        return inClaimedTransaction(request, false, tx -> scoring.scoreCustomers(tx).replaceWith(true))
                .flatMap(scored -> scored ? scoreLeadsAfter(request, Optional.empty()) : Uni.createFrom().item(false))
                .flatMap(scored -> scored ? scoring.done(pool, request) : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Scoring tenant %s failed: %s", request.tenantId(), failure.getMessage());
                    return null;
                });
    }

    /** Scores the open leads after {@code after}, chunk by chunk; false if another replica took the tenant. */
    private Uni<Boolean> scoreLeadsAfter(ScoringRepository.Request request, Optional<UUID> after) {
        return inClaimedTransaction(request, LeadChunk.SKIPPED, tx ->
                scoring.openLeads(tx, after, config.scoring().leadsPerTransaction()).flatMap(leads -> leads
                        .map(range -> scoring.scoreLookalikes(tx, config.scoring().referenceCustomers(), range)
                                .replaceWith(LeadChunk.scoredUpTo(range.last())))
                        .orElseGet(() -> Uni.createFrom().item(LeadChunk.FINISHED))))
                .flatMap(chunk -> chunk.last().isPresent()
                        ? scoreLeadsAfter(request, chunk.last())
                        : Uni.createFrom().item(chunk.claimed()));
    }

    /** Runs {@code work} in the tenant's scope unless another replica is scoring it; then {@code unclaimed}. */
    private <T> Uni<T> inClaimedTransaction(ScoringRepository.Request request, T unclaimed,
                                            Function<SqlConnection, Uni<T>> work) {
        return scope.inTransaction(TenantContext.ofSystem(request.tenantId(), CONSUMER),
                tx -> scoring.claim(tx, request.tenantId()).flatMap(claimed -> claimed
                        ? work.apply(tx)
                        : Uni.createFrom().item(unclaimed)));
    }

    /** What one transaction of lead scoring did: scored a chunk up to a lead, found none left, or was skipped. */
    private record LeadChunk(Optional<UUID> last, boolean claimed) {
        static final LeadChunk SKIPPED = new LeadChunk(Optional.empty(), false);
        static final LeadChunk FINISHED = new LeadChunk(Optional.empty(), true);

        static LeadChunk scoredUpTo(UUID lead) {
            return new LeadChunk(Optional.of(lead), true);
        }
    }
}
