package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The scores that need all of a tenant's customers at once and are therefore recomputed in the
 * background rather than per event: RFM scores and segments, segment summaries and lookalike scores.
 * Rows that event ingestion holds locked are skipped, not waited for: the scorer never waits for
 * ingestion, so the two cannot deadlock, and the ingestion that holds them asks for scoring again, so
 * the next round scores them. Ingestion does wait for the rows the scorer has updated, until the
 * scorer's transaction ends. Customers are therefore scored in a transaction of their own, and open
 * leads, whose number grows without bound, in chunks of a transaction each: ingestion waits at most for
 * one chunk, not for the whole tenant's lookalike scoring.
 */
@ApplicationScoped
public class ScoringRepository {

    /**
     * RFM per scope. Each score is the customer's quintile by rank: 1 + floor(5 * (rank - 1) / customers),
     * ranking ascending by last order time (R), order count (F) and revenue (M). Ties share the lower rank,
     * so equal customers get equal scores and the result does not depend on row order.
     */
    private static final String SCORE_RFM = """
            with ranked as (
                select scope_key, contact_id,
                       rank() over (partition by scope_key order by last_order_at) as r_rank,
                       rank() over (partition by scope_key order by orders) as f_rank,
                       rank() over (partition by scope_key order by revenue) as m_rank,
                       count(*) over (partition by scope_key) as customers
                from customer_value where orders > 0
            ), scored as (
                select scope_key, contact_id,
                       (1 + floor(5.0 * (r_rank - 1) / customers))::smallint as r,
                       (1 + floor(5.0 * (f_rank - 1) / customers))::smallint as f,
                       (1 + floor(5.0 * (m_rank - 1) / customers))::smallint as m
                from ranked
            ), free as (
                select cv.scope_key, cv.contact_id, s.r, s.f, s.m
                from customer_value cv join scored s on cv.scope_key = s.scope_key and cv.contact_id = s.contact_id
                where (cv.r_score, cv.f_score, cv.m_score) is distinct from (s.r, s.f, s.m)
                for update of cv skip locked
            )
            update customer_value cv
            set r_score = s.r, f_score = s.f, m_score = s.m, segment = analytics_rfm_segment(s.r, s.f, s.m)
            from free s
            where cv.scope_key = s.scope_key and cv.contact_id = s.contact_id""";

    /** Row-level security limits both statements to the tenant being scored. */
    private static final String CLEAR_SUMMARY = "delete from segment_summary";

    private static final String SUMMARISE = """
            insert into segment_summary (unit_id, segment, customers, revenue)
            select unit_id, segment, count(*), sum(revenue) from customer_value
            where segment is not null group by unit_id, segment""";

    /**
     * Lookalike scores of open leads against the profile of the tenant's top customers by revenue. Each
     * feature's share is the fraction of those customers that share the lead's value: postal region
     * (first two characters of the postal code), company size, the best-shared product of interest among
     * the products they bought, and the channel they were acquired through. Score = 0.3 region + 0.2 size
     * + 0.3 product + 0.2 channel, in [0, 1]. Scores the open leads with ids from $2 to $3.
     */
    private static final String SCORE_LOOKALIKES = """
            with reference as (
                select contact_id from customer_value where scope_key = '' and orders > 0
                order by revenue desc, contact_id limit $1
            ), total as (
                select nullif(count(*), 0)::numeric as n from reference
            ), features as (
                select r.contact_id, left(p.postal_code, 2) as region, co.size as company_size,
                       (select l.channel from lead_fact l
                        where l.converted_contact_id = r.contact_id or (l.converted and l.contact_id = r.contact_id)
                        order by l.converted_at nulls last, l.lead_id limit 1) as channel
                from reference r
                left join contact_profile p on p.contact_id = r.contact_id
                left join company_profile co on co.company_id = p.company_id
            ), region_share as (
                select region as value, count(*) / (select n from total) as share from features
                where region is not null group by region
            ), size_share as (
                select company_size as value, count(*) / (select n from total) as share from features
                where company_size is not null group by company_size
            ), channel_share as (
                select channel as value, count(*) / (select n from total) as share from features
                where channel is not null group by channel
            ), product_share as (
                select cp.sku as value, count(*) / (select n from total) as share
                from customer_product cp join reference r on r.contact_id = cp.contact_id
                where cp.scope_key = '' group by cp.sku
            ), matched as (
                select l.lead_id, left(l.postal_code, 2) as region, rs.share as region_share,
                       l.company_size, ss.share as size_share, l.channel, cs.share as channel_share,
                       ps.value as product, ps.share as product_share
                from lead_fact l
                left join region_share rs on rs.value = left(l.postal_code, 2)
                left join size_share ss on ss.value = l.company_size
                left join channel_share cs on cs.value = l.channel
                left join lateral (select value, share from product_share
                                   where value = any(l.products_of_interest)
                                   order by share desc, value limit 1) ps on true
                where l.is_open and l.lead_id between $2 and $3
            ), scored as (
                select lead_id,
                       round(0.3 * coalesce(region_share, 0) + 0.2 * coalesce(size_share, 0)
                             + 0.3 * coalesce(product_share, 0) + 0.2 * coalesce(channel_share, 0), 4) as score,
                       (select coalesce(jsonb_agg(f), '[]'::jsonb) from (values
                           (case when region_share is not null then jsonb_build_object('feature', 'postalRegion',
                               'value', region, 'share', round(region_share, 4), 'weight', 0.3) end),
                           (case when size_share is not null then jsonb_build_object('feature', 'companySize',
                               'value', company_size, 'share', round(size_share, 4), 'weight', 0.2) end),
                           (case when product_share is not null then jsonb_build_object('feature', 'productOfInterest',
                               'value', product, 'share', round(product_share, 4), 'weight', 0.3) end),
                           (case when channel_share is not null then jsonb_build_object('feature', 'channel',
                               'value', channel, 'share', round(channel_share, 4), 'weight', 0.2) end)
                       ) as v(f) where f is not null) as features
                from matched
            ), free as (
                select l.lead_id, s.score, s.features
                from lead_fact l join scored s on l.lead_id = s.lead_id
                where (l.lookalike_score, l.lookalike_features) is distinct from (s.score, s.features)
                for update of l skip locked
            )
            update lead_fact l set lookalike_score = s.score, lookalike_features = s.features
            from free s
            where l.lead_id = s.lead_id""";

    /** The open leads in lead id order; a chunk is the first {@code $1} after the last one scored. */
    private static final String FIRST_OPEN_LEADS = openLeads("");
    private static final String NEXT_OPEN_LEADS = openLeads(" and lead_id > $2");

    /** A tenant waiting to be scored, and the request counter the scorer saw. */
    public record Request(String tenantId, long requested) {
    }

    /** The first and last id of a chunk of open leads. */
    public record LeadRange(UUID first, UUID last) {
    }

    /** The oldest requests first; read across tenants, as only the scorer does. */
    public Uni<List<Request>> pending(Pool pool, int limit) {
        return pool.preparedQuery("select tenant_id, requested from scoring_request order by requested limit $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<Request> requests = new ArrayList<>();
                    for (Row r : rows) {
                        requests.add(new Request(r.getString("tenant_id"), r.getLong("requested")));
                    }
                    return requests;
                });
    }

    /** Only one replica scores a tenant at a time; the others skip it this round. */
    public Uni<Boolean> claim(SqlConnection tx, String tenantId) {
        return tx.preparedQuery("select pg_try_advisory_xact_lock(hashtext('analytics-scorer'), hashtext($1))")
                .execute(Tuple.of(tenantId)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** RFM scores and segments, and the segment summaries. */
    public Uni<Void> scoreCustomers(SqlConnection tx) {
        return tx.query(SCORE_RFM).execute()
                .flatMap(ignored -> tx.query(CLEAR_SUMMARY).execute())
                .flatMap(ignored -> tx.query(SUMMARISE).execute())
                .replaceWithVoid();
    }

    /** The first and last id of a chunk of open leads; uuid has no min() or max() aggregate. */
    private static String openLeads(String after) {
        return "with chunk as (select lead_id from lead_fact where is_open" + after + " order by lead_id limit $1)"
                + " select (select lead_id from chunk order by lead_id limit 1),"
                + " (select lead_id from chunk order by lead_id desc limit 1)";
    }

    /** The ids of up to {@code size} open leads after {@code after} (from the first if empty); empty if none. */
    public Uni<Optional<LeadRange>> openLeads(SqlConnection tx, Optional<UUID> after, int size) {
        return after.map(last -> tx.preparedQuery(NEXT_OPEN_LEADS).execute(Tuple.of(size, last)))
                .orElseGet(() -> tx.preparedQuery(FIRST_OPEN_LEADS).execute(Tuple.of(size)))
                .map(rows -> {
                    Row range = rows.iterator().next();
                    return Optional.ofNullable(range.getUUID(0)).map(first -> new LeadRange(first, range.getUUID(1)));
                });
    }

    /**
     * Lookalike scores of the open leads in {@code leads}; they read customers' revenue, not their RFM
     * scores.
     */
    public Uni<Void> scoreLookalikes(SqlConnection tx, int referenceCustomers, LeadRange leads) {
        return tx.preparedQuery(SCORE_LOOKALIKES).execute(Tuple.of(referenceCustomers, leads.first(), leads.last()))
                .replaceWithVoid();
    }

    /** Removes the request unless a newer one arrived while scoring (then the next round scores again). */
    public Uni<Void> done(Pool pool, Request request) {
        return pool.preparedQuery("delete from scoring_request where tenant_id = $1 and requested = $2")
                .execute(Tuple.of(request.tenantId(), request.requested())).replaceWithVoid();
    }
}
