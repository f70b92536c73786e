package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Campaigns, which contact each campaign won, and the revenue attributed to campaigns. */
@ApplicationScoped
public class CampaignRepository {

    private static final String UPSERT_CAMPAIGN = """
            insert into campaign (campaign_id, name, channel, starts_on, ends_on, budget, currency, budget_reporting,
                                  updated_at)
            values ($1, $2, $3, $4, $5, $6::numeric, $7, $8::numeric, $9)
            on conflict (tenant_id, campaign_id) do update
            set name = excluded.name, channel = excluded.channel, starts_on = excluded.starts_on,
                ends_on = excluded.ends_on, budget = excluded.budget, currency = excluded.currency,
                budget_reporting = excluded.budget_reporting, updated_at = excluded.updated_at
            where campaign.updated_at is null or excluded.updated_at is null or campaign.updated_at <= excluded.updated_at""";

    private static final String ADD_REVENUE = """
            insert into campaign_revenue (unit_id, campaign_id, won_revenue, won_deals, purchase_revenue, purchases)
            select s.unit_id, $1, $2::numeric, $3, $4::numeric, $5
            from unnest($6::text[]) with ordinality as s(unit_id, position)
            order by s.position
            on conflict (tenant_id, scope_key, campaign_id) do update
            set won_revenue = campaign_revenue.won_revenue + excluded.won_revenue,
                won_deals = campaign_revenue.won_deals + excluded.won_deals,
                purchase_revenue = campaign_revenue.purchase_revenue + excluded.purchase_revenue,
                purchases = campaign_revenue.purchases + excluded.purchases""";

    /** The first converted lead with a campaign wins the contact; later ones change nothing. */
    private static final String LINK_CONTACT = """
            insert into contact_campaign (contact_id, campaign_id, lead_id, converted_at)
            values ($1, $2, $3, $4)
            on conflict (tenant_id, contact_id) do nothing
            returning contact_id""";

    /**
     * Attributes the contact's purchases made at or after the conversion that were booked before the link
     * was known (a purchase may overtake the conversion), and adds them to the campaign's revenue per scope.
     */
    private static final String BACKFILL_PURCHASES = """
            with attributed as (
                update order_fact set campaign_id = $2
                where contact_id = $1 and kind = 'purchase' and ordered_at >= $3 and campaign_id is null
                returning unit_id, amount
            ), per_scope as (
                select null::text as unit_id, sum(amount) as revenue, count(*)::integer as purchases, 1 as position
                from attributed having count(*) > 0
                union all
                select unit_id, sum(amount), count(*)::integer, 2 from attributed where unit_id is not null group by unit_id
            )
            insert into campaign_revenue (unit_id, campaign_id, purchase_revenue, purchases)
            select unit_id, $2, revenue, purchases from per_scope order by position, unit_id
            on conflict (tenant_id, scope_key, campaign_id) do update
            set purchase_revenue = campaign_revenue.purchase_revenue + excluded.purchase_revenue,
                purchases = campaign_revenue.purchases + excluded.purchases""";

    public Uni<Void> upsertCampaign(SqlConnection tx, UUID campaignId, String name, String channel, LocalDate startsOn,
                                    LocalDate endsOn, BigDecimal budget, String currency, BigDecimal budgetReporting,
                                    OffsetDateTime updatedAt) {
        return tx.preparedQuery(UPSERT_CAMPAIGN)
                .execute(Tuple.from(new Object[] {campaignId, name, channel, startsOn, endsOn,
                        budget, currency, budgetReporting, updatedAt}))
                .replaceWithVoid();
    }

    public Uni<?> addWonRevenue(SqlConnection tx, UUID campaignId, String unitId, BigDecimal amount) {
        return tx.preparedQuery(ADD_REVENUE).execute(Tuple.from(new Object[] {campaignId, amount, 1,
                BigDecimal.ZERO, 0, Scopes.of(unitId)}));
    }

    public Uni<?> addPurchaseRevenue(SqlConnection tx, UUID campaignId, String unitId, BigDecimal amount) {
        return tx.preparedQuery(ADD_REVENUE).execute(Tuple.from(new Object[] {campaignId, BigDecimal.ZERO, 0,
                amount, 1, Scopes.of(unitId)}));
    }

    /** Links the contact to the campaign unless an earlier lead already did; then attributes its purchases. */
    public Uni<Void> linkContact(SqlConnection tx, UUID contactId, UUID campaignId, UUID leadId,
                                 OffsetDateTime convertedAt) {
        return tx.preparedQuery(LINK_CONTACT).execute(Tuple.of(contactId, campaignId, leadId, convertedAt))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : tx.preparedQuery(BACKFILL_PURCHASES).execute(Tuple.of(contactId, campaignId, convertedAt))
                                .replaceWithVoid());
    }
}
