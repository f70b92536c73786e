package crm.analytics.service;

import crm.analytics.domain.Segment;
import crm.analytics.domain.SegmentDefinition;
import crm.analytics.repository.SegmentRepository;
import crm.analytics.repository.SegmentRepository.Channel;
import crm.analytics.repository.SegmentRepository.Member;
import crm.platform.db.TenantScope;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Campaign segments: saved definitions, their size and their consented audience per channel. */
@ApplicationScoped
public class SegmentService {

    static final String CREATE_OPERATION = "POST /api/v1/analytics/segments";
    private static final Set<String> LIFECYCLE_STAGES = Set.of("prospect", "customer", "former_customer");
    private static final int AUDIENCE_PAGE = 1000;

    /** A segment and how many people it holds now. */
    public record SizedSegment(Segment segment, long size) {
    }

    /** The audience of a segment for one channel, read page by page while it is sent. */
    public record Audience(Segment segment, Channel channel, Multi<Member> members) {
    }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final SegmentRepository segments;
    private final IdempotentRequests idempotency;

    public SegmentService(TenantScope scope, CurrentTenant currentTenant, SegmentRepository segments,
                          IdempotentRequests idempotency) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.segments = segments;
        this.idempotency = idempotency;
    }

    /**
     * Saves the segment in the caller's unit (HQ: brand-wide). Franchisee staff may only filter by their
     * own unit. With an idempotency key, a repeat of the same request gets the first answer.
     */
    public Uni<StoredResponse> create(@Valid @NotNull NewSegment request, IdempotencyKey key,
                                      Function<SizedSegment, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        SegmentDefinition definition = definition(request, context);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> segments.insert(tx, UUID.randomUUID(), context.unitId(), request.name().strip(), definition,
                                context.subject())
                        .flatMap(saved -> segments.size(tx, definition).map(size -> new SizedSegment(saved, size)))
                        .map(respond)));
    }

    public Uni<SizedSegment> find(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> segments.find(tx, id).flatMap(found -> {
            Segment segment = found.orElseThrow(() -> notFound(id));
            return segments.size(tx, segment.definition()).map(size -> new SizedSegment(segment, size));
        }));
    }

    public Uni<Page<Segment>> list(String updatedSince, PageRequest page) {
        OffsetDateTime since = instant("updatedSince", updatedSince);
        OffsetDateTime afterTime = page.after() == null ? null : instant("cursor", page.after().sortKey());
        UUID afterId = page.after() == null ? null : uuid(page.after().id());
        return scope.inTransaction(currentTenant.get(), tx -> segments.list(tx, since, afterTime, afterId,
                        page.fetchSize()))
                .map(rows -> Page.of(rows, page, s -> new Cursor(s.updatedAt().toString(), s.id().toString())));
    }

    /**
     * The segment's members who granted consent for {@code channel} and can be reached on it, read in keyset
     * pages of {@value #AUDIENCE_PAGE} (one short transaction each) while the answer streams, until a page
     * comes back empty. 404 for a segment the caller cannot see.
     */
    public Uni<Audience> audience(UUID id, Channel channel) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> segments.find(tx, id)).map(found -> {
            Segment segment = found.orElseThrow(() -> notFound(id));
            return new Audience(segment, channel, members(context, segment.definition(), channel));
        });
    }

    private Multi<Member> members(TenantContext context, SegmentDefinition definition, Channel channel) {
        return Multi.createBy().repeating()
                .uni(() -> new UUID[1], last -> scope.inTransaction(context,
                                tx -> segments.audience(tx, definition, channel, last[0], AUDIENCE_PAGE))
                        .invoke(page -> last[0] = page.isEmpty() ? last[0] : page.get(page.size() - 1).contactId()))
                .until(List::isEmpty)
                .onItem().transformToIterable(page -> page);
    }

    static SegmentDefinition definition(NewSegment r, TenantContext context) {
        List<String> rfm = values(r.rfmSegments());
        for (String segment : rfm) {
            if (!CustomerValueReports.SEGMENTS.contains(segment)) {
                throw ProblemException.badRequest("rfmSegments", "must be among " + CustomerValueReports.SEGMENTS);
            }
        }
        List<String> stages = values(r.lifecycleStages());
        for (String stage : stages) {
            if (!LIFECYCLE_STAGES.contains(stage)) {
                throw ProblemException.badRequest("lifecycleStages", "must be prospect, customer or former_customer");
            }
        }
        List<String> tags = new ArrayList<>();
        for (String tag : values(r.tags())) {
            tags.add(tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"));
        }
        List<String> units = values(r.unitIds());
        if (!context.isBrandWide() && units.stream().anyMatch(u -> !u.equals(context.unitId()))) {
            throw ProblemException.forbidden("You can build segments only of your own unit " + context.unitId());
        }
        return new SegmentDefinition(rfm, trimmed(r.boughtSkus()), trimmed(r.notBoughtSkus()), stages, tags, units);
    }

    private static List<String> values(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static List<String> trimmed(List<String> values) {
        return values(values).stream().map(String::strip).distinct().toList();
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO 8601 date-time with offset");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API returned");
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Segment " + id);
    }
}
