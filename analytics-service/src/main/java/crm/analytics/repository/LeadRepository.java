package crm.analytics.repository;

import crm.analytics.domain.LeadState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Leads and the funnel cube they contribute to. */
@ApplicationScoped
public class LeadRepository {

    private static final String COLUMNS = "lead_id, unit_id, captured, captured_at, channel, campaign_id, form_key,"
            + " postal_code, country_code, company_name, company_size, products_of_interest, status, contacted,"
            + " qualified, converted, disqualified, nurtured, sla_breached, first_contact_at, converted_at, contact_id,"
            + " converted_contact_id";

    private static final String SAVE = "update lead_fact set unit_id = $2, captured = $3, captured_at = $4,"
            + " channel = $5, campaign_id = $6, form_key = $7, postal_code = $8, country_code = $9, company_name = $10,"
            + " company_size = $11, products_of_interest = $12::text[], status = $13, contacted = $14, qualified = $15,"
            + " converted = $16, disqualified = $17, nurtured = $18, sla_breached = $19, first_contact_at = $20,"
            + " converted_at = $21, contact_id = $22, converted_contact_id = $23 where lead_id = $1";

    private static final String FUNNEL = """
            insert into funnel_cube (unit_id, month, channel, campaign_key, captured, contacted, qualified, converted,
                                     disqualified, nurtured, sla_breached)
            select * from unnest($1::text[], $2::text[]::date[], $3::text[], $4::text[], $5::int[], $6::int[],
                                 $7::int[], $8::int[], $9::int[], $10::int[], $11::int[])
            on conflict (tenant_id, scope_key, month, channel, campaign_key) do update
            set captured = funnel_cube.captured + excluded.captured,
                contacted = funnel_cube.contacted + excluded.contacted,
                qualified = funnel_cube.qualified + excluded.qualified,
                converted = funnel_cube.converted + excluded.converted,
                disqualified = funnel_cube.disqualified + excluded.disqualified,
                nurtured = funnel_cube.nurtured + excluded.nurtured,
                sla_breached = funnel_cube.sla_breached + excluded.sla_breached""";

    private static final String SPEED = """
            insert into funnel_speed (unit_id, month, channel, campaign_key, minutes, leads)
            select * from unnest($1::text[], $2::text[]::date[], $3::text[], $4::text[], $5::int[], $6::int[])
            on conflict (tenant_id, scope_key, month, channel, campaign_key, minutes) do update
            set leads = funnel_speed.leads + excluded.leads""";

    /** A funnel cell in one scope (unit null = brand-wide). */
    public record FunnelCell(String scopeUnit, LeadState.FunnelKey key) {
    }

    /** A speed-to-lead histogram bucket in one scope. */
    public record SpeedCell(String scopeUnit, LeadState.FunnelKey key, int minutes) {
    }

    /** The lead's current state, locked for this transaction (a placeholder when it is new). */
    public Uni<LeadState> lockLead(SqlConnection tx, UUID leadId) {
        return Statements.lockedRow(tx,
                "insert into lead_fact (lead_id) values ($1) on conflict (tenant_id, lead_id) do nothing",
                "select " + COLUMNS + " from lead_fact where lead_id = $1 for update", Tuple.of(leadId))
                .map(LeadRepository::map);
    }

    public Uni<Void> save(SqlConnection tx, LeadState s) {
        return tx.preparedQuery(SAVE).execute(Tuple.from(new Object[] {s.leadId(), s.unitId(), s.captured(),
                        s.capturedAt(), s.channel(), s.campaignId(), s.formKey(), s.postalCode(), s.countryCode(),
                        s.companyName(), s.companySize(), s.productsOfInterest().toArray(String[]::new), s.status(),
                        s.contacted(), s.qualified(), s.converted(), s.disqualified(), s.nurtured(), s.slaBreached(),
                        s.firstContactAt(), s.convertedAt(), s.contactId(), s.convertedContactId()}))
                .replaceWithVoid();
    }

    /** Books changes of funnel counters (captured ... SLA breached, in that order). */
    public Uni<?> addToFunnel(SqlConnection tx, Map<FunnelCell, long[]> changes) {
        List<List<Object>> columns = Statements.columns(11);
        changes.forEach((cell, counts) -> {
            keyColumns(columns, cell.scopeUnit(), cell.key());
            for (int i = 0; i < 7; i++) {
                columns.get(4 + i).add((int) counts[i]);
            }
        });
        return tx.preparedQuery(FUNNEL).execute(Statements.arrays(columns));
    }

    public Uni<?> addToSpeed(SqlConnection tx, Map<SpeedCell, long[]> changes) {
        List<List<Object>> columns = Statements.columns(6);
        changes.forEach((cell, counts) -> {
            keyColumns(columns, cell.scopeUnit(), cell.key());
            columns.get(4).add(cell.minutes());
            columns.get(5).add((int) counts[0]);
        });
        return tx.preparedQuery(SPEED).execute(Statements.arrays(columns));
    }

    /** Leads a contact came from (privacy export). */
    public Uni<RowSet<Row>> leadsOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select lead_id, unit_id, channel, campaign_id, captured_at, status, converted_at"
                        + " from lead_fact where contact_id = $1 or converted_contact_id = $1 order by captured_at, lead_id")
                .execute(Tuple.of(contactId));
    }

    private static void keyColumns(List<List<Object>> columns, String scopeUnit, LeadState.FunnelKey key) {
        columns.get(0).add(scopeUnit);
        columns.get(1).add(key.month().toString());
        columns.get(2).add(key.channel());
        columns.get(3).add(key.campaignKey());
    }



    private static LeadState map(Row r) {
        String[] products = r.getArrayOfStrings("products_of_interest");
        return new LeadState(r.getUUID("lead_id"), r.getString("unit_id"), r.getBoolean("captured"),
                r.getOffsetDateTime("captured_at"), r.getString("channel"), r.getUUID("campaign_id"),
                r.getString("form_key"), r.getString("postal_code"), r.getString("country_code"),
                r.getString("company_name"), r.getString("company_size"),
                products == null ? List.of() : Arrays.asList(products), r.getString("status"), r.getBoolean("contacted"),
                r.getBoolean("qualified"), r.getBoolean("converted"), r.getBoolean("disqualified"),
                r.getBoolean("nurtured"), r.getBoolean("sla_breached"), r.getOffsetDateTime("first_contact_at"),
                r.getOffsetDateTime("converted_at"), r.getUUID("contact_id"), r.getUUID("converted_contact_id"));
    }
}
