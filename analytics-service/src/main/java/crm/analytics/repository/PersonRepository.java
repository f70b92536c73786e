package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Per-person rows of the read model as a whole: moving them to a merge survivor, and erasing a person
 * while the anonymous aggregates (per product, unit, day) stay as they are.
 */
@ApplicationScoped
public class PersonRepository {

    private static final String RECORD_MERGE = """
            insert into contact_merge (merged_id, survivor_id, merged_at) values ($1, $2, $3)
            on conflict (tenant_id, merged_id) do update set survivor_id = excluded.survivor_id""";

    private static final String MOVE_CUSTOMER_VALUE = """
            with moved as (
                delete from customer_value where contact_id = $1
                returning unit_id, revenue, purchase_revenue, won_revenue, orders, first_order_at, last_order_at
            )
            insert into customer_value (unit_id, contact_id, revenue, purchase_revenue, won_revenue, orders,
                                        first_order_at, last_order_at)
            select unit_id, $2, revenue, purchase_revenue, won_revenue, orders, first_order_at, last_order_at
            from moved order by unit_id nulls first
            on conflict (tenant_id, scope_key, contact_id) do update
            set revenue = customer_value.revenue + excluded.revenue,
                purchase_revenue = customer_value.purchase_revenue + excluded.purchase_revenue,
                won_revenue = customer_value.won_revenue + excluded.won_revenue,
                orders = customer_value.orders + excluded.orders,
                first_order_at = least(customer_value.first_order_at, excluded.first_order_at),
                last_order_at = greatest(customer_value.last_order_at, excluded.last_order_at)""";

    private static final String MOVE_CUSTOMER_PRODUCTS = """
            with moved as (
                delete from customer_product where contact_id = $1
                returning unit_id, sku, quantity, revenue, orders, last_at
            )
            insert into customer_product (unit_id, contact_id, sku, quantity, revenue, orders, last_at)
            select unit_id, $2, sku, quantity, revenue, orders, last_at from moved order by unit_id nulls first, sku
            on conflict (tenant_id, scope_key, contact_id, sku) do update
            set quantity = customer_product.quantity + excluded.quantity,
                revenue = customer_product.revenue + excluded.revenue,
                orders = customer_product.orders + excluded.orders,
                last_at = greatest(customer_product.last_at, excluded.last_at)""";

    private static final String MOVE_CONSENTS = """
            with moved as (delete from contact_consent where contact_id = $1 returning channel, status, changed_at)
            insert into contact_consent (contact_id, channel, status, changed_at)
            select $2, channel, status, changed_at from moved order by channel
            on conflict (tenant_id, contact_id, channel) do update
            set status = excluded.status, changed_at = excluded.changed_at
            where contact_consent.changed_at < excluded.changed_at""";

    private static final String MOVE_CAMPAIGN_LINK = """
            with moved as (delete from contact_campaign where contact_id = $1
                           returning campaign_id, lead_id, converted_at)
            insert into contact_campaign (contact_id, campaign_id, lead_id, converted_at)
            select $2, campaign_id, lead_id, converted_at from moved
            on conflict (tenant_id, contact_id) do nothing""";

    /** Every id the person had (merged ids included) stays marked as erased, so later events cannot revive it. */
    private static final String RECORD_ERASURE = """
            insert into erasure_record (contact_id, erasure_request_id, requested_at)
            select id, $2, $3 from (select $1::uuid as id
                                    union select merged_id from contact_merge where survivor_id = $1) ids
            on conflict do nothing""";

    /** Re-points the person's rows to the survivor of a merge; the merged record's own profile is dropped. */
    public Uni<Void> merge(SqlConnection tx, UUID mergedId, UUID survivorId, OffsetDateTime mergedAt) {
        return tx.preparedQuery(RECORD_MERGE).execute(Tuple.of(mergedId, survivorId, mergedAt))
                .flatMap(ignored -> Statements.together(List.of(
                        tx.preparedQuery("update contact_merge set survivor_id = $2 where survivor_id = $1")
                                .execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery(MOVE_CUSTOMER_VALUE).execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery(MOVE_CUSTOMER_PRODUCTS).execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery(MOVE_CONSENTS).execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery(MOVE_CAMPAIGN_LINK).execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery("update order_fact set contact_id = $2 where contact_id = $1")
                                .execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery("update lead_fact set contact_id = $2 where contact_id = $1")
                                .execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery("update lead_fact set converted_contact_id = $2 where converted_contact_id = $1")
                                .execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery("update ticket_fact set contact_id = $2 where contact_id = $1")
                                .execute(Tuple.of(mergedId, survivorId)),
                        tx.preparedQuery("delete from contact_profile where contact_id = $1").execute(Tuple.of(mergedId)))));
    }

    /**
     * Erases the person: names, e-mail, phone, address and consents are deleted; rows per person (value,
     * products, orders, campaign link) are re-keyed to {@code anonymousId}, which nothing links back to the
     * person, so segment counts and every anonymous aggregate stay unchanged. Leads and tickets keep their
     * figures but lose the reference to the person.
     */
    public Uni<Void> erase(SqlConnection tx, UUID contactId, UUID erasureRequestId, OffsetDateTime requestedAt,
                           UUID anonymousId) {
        Tuple rekey = Tuple.of(contactId, anonymousId);
        Tuple person = Tuple.of(contactId);
        return tx.preparedQuery(RECORD_ERASURE).execute(Tuple.of(contactId, erasureRequestId, requestedAt))
                .flatMap(ignored -> Statements.together(List.of(
                        tx.preparedQuery("delete from contact_profile where contact_id = $1").execute(person),
                        tx.preparedQuery("delete from contact_consent where contact_id = $1").execute(person),
                        tx.preparedQuery("update customer_value set contact_id = $2 where contact_id = $1").execute(rekey),
                        tx.preparedQuery("update customer_product set contact_id = $2 where contact_id = $1").execute(rekey),
                        tx.preparedQuery("update order_fact set contact_id = $2 where contact_id = $1").execute(rekey),
                        tx.preparedQuery("update contact_campaign set contact_id = $2 where contact_id = $1").execute(rekey),
                        tx.preparedQuery("update lead_fact set contact_id = null where contact_id = $1").execute(person),
                        tx.preparedQuery("update lead_fact set converted_contact_id = null where converted_contact_id = $1")
                                .execute(person),
                        tx.preparedQuery("update ticket_fact set contact_id = null where contact_id = $1").execute(person),
                        tx.preparedQuery("delete from contact_merge where merged_id = $1 or survivor_id = $1")
                                .execute(person))));
    }
}
