package crm.leads.repository;

import crm.leads.domain.Campaign;
import crm.leads.domain.Channel;
import crm.leads.domain.CampaignDetails;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for campaigns. Row-level security limits every query to the transaction's tenant and, for
 * franchisee staff, to their own unit's campaigns plus the brand-wide ones.
 */
@ApplicationScoped
public class CampaignRepository {

    private static final String COLUMNS = "id, unit_id, name, channel, starts_on, ends_on, budget, currency, version,"
            + " created_by, created_at, updated_at";

    /** Filters of the campaign list; null means "any". {@code activeOn} keeps campaigns running on that day. */
    public record CampaignQuery(Channel channel, LocalDate activeOn, String unitId,
                                OffsetDateTime updatedSince) {
    }

    /** Whether the campaign is visible in the transaction's scope: the tenant's, and for a unit its own or brand-wide. */
    public Uni<Boolean> exists(SqlConnection tx, UUID campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().item(false);
        }
        return tx.preparedQuery("select exists (select 1 from campaign where id = $1)").execute(Tuple.of(campaignId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Campaign> insert(SqlConnection tx, UUID id, CampaignDetails d, String createdBy) {
        return tx.preparedQuery("insert into campaign (id, unit_id, name, channel, starts_on, ends_on, budget, currency,"
                        + " created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, d.unitId(), d.name(), d.channel().value(), d.startsOn(), d.endsOn(),
                        d.budget(), d.currency(), createdBy}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Campaign>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from campaign where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Replaces the settable fields if the row still has {@code expectedVersion}; empty if it has not. */
    public Uni<Optional<Campaign>> update(SqlConnection tx, UUID id, int expectedVersion, CampaignDetails d) {
        return tx.preparedQuery("update campaign set unit_id = $3, name = $4, channel = $5, starts_on = $6, ends_on = $7,"
                        + " budget = $8, currency = $9, version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, expectedVersion, d.unitId(), d.name(), d.channel().value(),
                        d.startsOn(), d.endsOn(), d.budget(), d.currency()}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Keyset page ordered by (updated_at, id), so that delta sync and paging agree. */
    public Uni<List<Campaign>> list(SqlConnection tx, CampaignQuery query, PageRequest page) {
        return new KeysetQuery("select " + COLUMNS + " from campaign where true")
                .and("channel = ?", query.channel() == null ? null : query.channel().value())
                .and("starts_on <= ? and (ends_on is null or ends_on >= ?)", query.activeOn())
                .and("unit_id = ?", query.unitId())
                .and("updated_at >= ?", query.updatedSince())
                .after(page)
                .fetch(tx, page)
                .map(rows -> {
                    List<Campaign> campaigns = new ArrayList<>();
                    rows.forEach(row -> campaigns.add(map(row)));
                    return campaigns;
                });
    }

    private static Campaign map(Row row) {
        CampaignDetails details = new CampaignDetails(row.getString("name"), Channel.of(row.getString("channel")),
                row.getLocalDate("starts_on"), row.getLocalDate("ends_on"), row.getBigDecimal("budget"),
                row.getString("currency"), row.getString("unit_id"));
        return new Campaign(row.getUUID("id"), details, row.getInteger("version"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
