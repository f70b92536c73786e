package crm.analytics.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.analytics.domain.Segment;
import crm.analytics.domain.SegmentDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved segments, and their members evaluated against the read model in the caller's scope: contacts
 * the caller may see (row-level security), with figures of the caller's scope (RFM segment, products).
 */
@ApplicationScoped
public class SegmentRepository {

    private static final String COLUMNS = "id, unit_id, name, definition::text as definition, version, created_by,"
            + " created_at, updated_at";

    /** The address columns an audience of each channel exports and requires. */
    public enum Channel {
        EMAIL("email", List.of("email"), "p.email is not null"),
        PHONE("phone", List.of("phone"), "p.phone is not null"),
        SMS("sms", List.of("phone"), "p.phone is not null"),
        POST("post", List.of("street", "postal_code", "city"), "p.postal_code is not null and p.city is not null");

        public static final String ALLOWED = "email, phone, sms or post";

        private final String value;
        private final List<String> columns;
        private final String reachable;

        Channel(String value, List<String> columns, String reachable) {
            this.value = value;
            this.columns = columns;
            this.reachable = reachable;
        }

        public String value() {
            return value;
        }

        public List<String> columns() {
            return columns;
        }

        public static Channel of(String value) {
            for (Channel c : values()) {
                if (c.value.equals(value)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("must be " + ALLOWED);
        }
    }

    /** One audience member: the contact id and the channel's columns in {@link Channel#columns()} order. */
    public record Member(UUID contactId, String firstName, String lastName, List<String> address) {
    }

    private final ObjectMapper mapper;

    public SegmentRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Segment> insert(SqlConnection tx, UUID id, String unitId, String name, SegmentDefinition definition,
                               String createdBy) {
        return tx.preparedQuery("insert into segment (id, unit_id, name, definition, created_by)"
                        + " values ($1, $2, $3, $4, $5) returning " + COLUMNS)
                .execute(Tuple.of(id, unitId, name, new JsonObject(json(definition)), createdBy))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Segment>> find(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from segment where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** A keyset page in (updated_at, id) order; {@code updatedSince} for delta sync. */
    public Uni<List<Segment>> list(SqlConnection tx, OffsetDateTime updatedSince, OffsetDateTime afterTime, UUID afterId,
                                   int fetch) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from segment where true");
        if (updatedSince != null) {
            args.add(updatedSince);
            sql.append(" and updated_at >= $").append(args.size());
        }
        if (afterTime != null) {
            args.add(afterTime);
            args.add(afterId);
            sql.append(" and (updated_at, id) > ($").append(args.size() - 1).append(", $").append(args.size()).append(')');
        }
        args.add(fetch);
        sql.append(" order by updated_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Segment> segments = new ArrayList<>();
            rows.forEach(r -> segments.add(map(r)));
            return segments;
        });
    }

    public Uni<Long> size(SqlConnection tx, SegmentDefinition definition) {
        List<Object> args = new ArrayList<>();
        String where = members(definition, args);
        return tx.preparedQuery("select count(*) from contact_profile p where " + where).execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** One page of the audience, in contact id order: members with granted consent for the channel. */
    public Uni<List<Member>> audience(SqlConnection tx, SegmentDefinition definition, Channel channel, UUID after,
                                      int limit) {
        List<Object> args = new ArrayList<>();
        String where = members(definition, args);
        args.add(channel.value());
        StringBuilder sql = new StringBuilder("select p.contact_id, p.first_name, p.last_name, ")
                .append(String.join(", ", channel.columns().stream().map(c -> "p." + c).toList()))
                .append(" from contact_profile p join contact_consent cc on cc.contact_id = p.contact_id")
                .append(" and cc.channel = $").append(args.size()).append(" and cc.status = 'granted'")
                .append(" where ").append(where).append(" and ").append(channel.reachable);
        if (after != null) {
            args.add(after);
            sql.append(" and p.contact_id > $").append(args.size());
        }
        args.add(limit);
        sql.append(" order by p.contact_id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Member> members = new ArrayList<>();
            for (Row r : rows) {
                List<String> address = new ArrayList<>();
                channel.columns().forEach(c -> address.add(r.getString(c)));
                members.add(new Member(r.getUUID("contact_id"), r.getString("first_name"), r.getString("last_name"),
                        address));
            }
            return members;
        });
    }

    /** The where clause over contact_profile p; known contacts only (not placeholders from other events). */
    private static String members(SegmentDefinition d, List<Object> args) {
        StringBuilder where = new StringBuilder("p.version > 0");
        if (!d.lifecycleStages().isEmpty()) {
            args.add(d.lifecycleStages().toArray(String[]::new));
            where.append(" and p.lifecycle_stage = any($").append(args.size()).append(')');
        }
        if (!d.tags().isEmpty()) {
            args.add(d.tags().toArray(String[]::new));
            where.append(" and p.tags @> $").append(args.size()).append("::text[]");
        }
        if (!d.unitIds().isEmpty()) {
            args.add(d.unitIds().toArray(String[]::new));
            where.append(" and p.unit_id = any($").append(args.size()).append(')');
        }
        if (!d.rfmSegments().isEmpty()) {
            args.add(d.rfmSegments().toArray(String[]::new));
            where.append(" and exists (select 1 from customer_value cv where cv.scope_key = analytics_scope()")
                    .append(" and cv.contact_id = p.contact_id and cv.segment = any($").append(args.size()).append("))");
        }
        if (!d.boughtSkus().isEmpty()) {
            args.add(d.boughtSkus().toArray(String[]::new));
            where.append(" and exists (select 1 from customer_product cp where cp.scope_key = analytics_scope()")
                    .append(" and cp.contact_id = p.contact_id and cp.sku = any($").append(args.size()).append("))");
        }
        if (!d.notBoughtSkus().isEmpty()) {
            args.add(d.notBoughtSkus().toArray(String[]::new));
            where.append(" and not exists (select 1 from customer_product cp where cp.scope_key = analytics_scope()")
                    .append(" and cp.contact_id = p.contact_id and cp.sku = any($").append(args.size()).append("))");
        }
        return where.toString();
    }

    private Segment map(Row r) {
        try {
            return new Segment(r.getUUID("id"), r.getString("unit_id"), r.getString("name"),
                    mapper.readValue(r.getString("definition"), SegmentDefinition.class), r.getInteger("version"),
                    r.getString("created_by"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored segment definition cannot be read", e);
        }
    }

    private String json(SegmentDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment definition cannot be stored", e);
        }
    }
}
