package crm.tickets.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import crm.tickets.domain.CustomFields;
import crm.tickets.domain.CustomerLink;
import crm.tickets.domain.Labels;
import crm.tickets.domain.Milestones;
import crm.tickets.domain.Priority;
import crm.tickets.domain.QueuePlacement;
import crm.tickets.domain.RoutingFacts;
import crm.tickets.domain.SlaState;
import crm.tickets.domain.Ticket;
import crm.tickets.domain.TicketContent;
import crm.tickets.domain.TicketStatus;
import crm.tickets.events.TicketEvents;
import crm.tickets.repository.TicketQuery;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Opening, reading, listing and editing tickets. The workflow (status, assignment, rating) is in TicketWorkflow. */
@ApplicationScoped
public class TicketService {

    static final String CREATE_OPERATION = "POST /api/v1/tickets";
    private static final Set<String> SUPERVISOR_ROLES = Set.of("manager", "admin");

    private final TenantScope scope;
    private final TicketRepository tickets;
    private final TicketStore store;
    private final TicketRouter router;
    private final TicketCalendars calendars;
    private final CustomerLinks customers;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;
    private final PatchedRequest patches;

    public TicketService(TenantScope scope, TicketRepository tickets, TicketStore store, TicketRouter router,
                         TicketCalendars calendars, CustomerLinks customers, Outbox outbox, CurrentTenant currentTenant,
                         IdempotentRequests idempotency, PatchedRequest patches) {
        this.scope = scope;
        this.tickets = tickets;
        this.store = store;
        this.router = router;
        this.calendars = calendars;
        this.customers = customers;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
        this.patches = patches;
    }

    /**
     * Opens a ticket: checks the customer against the projection, routes it (rule, queue, agent), holds it
     * to the SLA policy of its priority and tier, and stores it with its events in one transaction.
     */
    public Uni<StoredResponse> openTicket(@Valid @NotNull NewTicket request, IdempotencyKey key,
                                          Function<Ticket, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        String unit = Units.unitFor(context, request.unitId());
        TicketContent content = content(request.editable());
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> customers.resolve(tx, context, request.contactId(), request.companyId(), request.requesterEmail())
                        .flatMap(customer -> open(tx, context, unit, content, customer))
                        .map(respond)));
    }

    private Uni<Ticket> open(SqlConnection tx, TenantContext context, String unit, TicketContent content,
                             CustomerLink customer) {
        RoutingFacts facts = new RoutingFacts(content.category(), content.priority(), content.channel(), unit,
                content.subject(), content.description(), customer.customerTier());
        return router.route(tx, facts).flatMap(routed -> calendars.policies(tx)
                .flatMap(policies -> tickets.nextNumber(tx).flatMap(number -> {
                    OffsetDateTime now = now();
                    Ticket ticket = new Ticket(UUID.randomUUID(), number, unit, TicketStatus.NEW, content, customer,
                            new QueuePlacement(routed.queue().id(), routed.assigneeId(), routed.rule()),
                            SlaState.start(policies.termsFor(content.priority(), customer.customerTier()).orElse(null),
                                    now.toInstant()),
                            Milestones.NONE, null, 1, context.subject(), now, now);
                    return store.insert(tx, ticket);
                }))
                .call(saved -> outbox.append(tx, TicketEvents.opened(context, saved, routed.queue())))
                .call(saved -> saved.placement().assigneeId() == null ? Uni.createFrom().voidItem()
                        : outbox.append(tx, TicketEvents.assigned(context, saved, routed.queue(), routed.reason(),
                                saved.createdAt()))));
    }

    public Uni<Ticket> findTicket(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> tickets.findById(tx, id))
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /** The ticket lists of the API map: views, filters and delta sync, all keyset paged by (updatedAt, id). */
    public Uni<Page<Ticket>> listTickets(TicketListParams params, PageRequest page) {
        TenantContext context = currentTenant.get();
        TicketQuery query = toQuery(context, params);
        return scope.inTransaction(context, tx -> tickets.search(tx, query, page))
                .map(rows -> Page.of(rows, page, t -> new Cursor(t.updatedAt().toString(), t.id().toString())));
    }

    /** PATCH: a merge patch on the editable fields; a changed contact or company is checked again. */
    public Uni<Ticket> patchTicket(UUID id, ExpectedVersion expected, @NotNull JsonNode patch) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> tickets.lock(tx, id).flatMap(found -> {
            Ticket current = found.orElseThrow(() -> notFound(id));
            expected.check("Ticket " + id, current.version());
            EditableTicket request = patches.apply(editable(current), patch, EditableTicket.class);
            TicketContent content = content(request);
            CustomerLink link = current.customer();
            boolean relinked = !Objects.equals(request.contactId(), link.contactId())
                    || !Objects.equals(request.companyId(), link.companyId())
                    || !Objects.equals(request.requesterEmail(), link.requesterEmail());
            Uni<CustomerLink> customer = relinked
                    ? customers.resolve(tx, context, request.contactId(), request.companyId(), request.requesterEmail())
                            .map(c -> new CustomerLink(c.contactId(), c.contactVerified(), c.companyId(),
                                    c.companyVerified(), c.requesterEmail(), link.customerTier()))
                    : Uni.createFrom().item(link);
            return customer.flatMap(next -> {
                Ticket changed = current.withContent(content).withCustomer(next);
                return changed.equals(current) ? Uni.createFrom().item(current) : store.save(tx, current, changed);
            });
        }));
    }

    static EditableTicket editable(Ticket t) {
        var c = t.content();
        var cu = t.customer();
        return new EditableTicket(c.subject(), c.description(), c.channel(), c.category(), c.priority(),
                cu.contactId(), cu.companyId(), cu.requesterEmail(), c.tags(), c.customFields(), c.watchers());
    }

    /** Normalises and checks what the annotations cannot: labels, custom fields, watchers. */
    static TicketContent content(EditableTicket r) {
        String category;
        List<String> tags;
        try {
            category = Labels.normaliseOptional(r.category());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("category", e.getMessage());
        }
        try {
            tags = Labels.normalise(r.tags(), 20);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("tags", e.getMessage());
        }
        ObjectNode customFields;
        try {
            customFields = CustomFields.validate(r.customFields());
        } catch (CustomFields.Invalid e) {
            throw ProblemException.badRequest(e.field(), e.getMessage());
        }
        List<String> watchers = r.watchers() == null ? List.of()
                : r.watchers().stream().map(String::strip).distinct().toList();
        return new TicketContent(r.subject().strip(), r.description(), r.channel(), category,
                r.priority() == null ? Priority.NORMAL : r.priority(), tags, customFields, watchers);
    }

    static TicketQuery toQuery(TenantContext context, TicketListParams p) {
        String view = p.view() == null || p.view().isBlank() ? null : p.view().strip();
        UUID queueId = Params.uuid("queueId", p.queueId());
        String assignee = null;
        boolean atRisk = false;
        boolean breached = false;
        if (view != null) {
            switch (view) {
                case "mine" -> assignee = context.subject();
                case "queue" -> {
                    if (queueId == null) {
                        throw ProblemException.badRequest("queueId", "is required for view=queue");
                    }
                }
                case "at-risk", "breached" -> {
                    if (context.roles().stream().noneMatch(SUPERVISOR_ROLES::contains)) {
                        throw ProblemException.forbidden("The " + view + " view needs the manager or admin role");
                    }
                    atRisk = view.equals("at-risk");
                    breached = view.equals("breached");
                }
                default -> throw ProblemException.badRequest("view", "must be mine, queue, at-risk or breached");
            }
        }
        boolean openOnly = false;
        List<String> statuses = List.of();
        if (p.status() != null && !p.status().isBlank()) {
            String status = p.status().strip();
            if (status.equals("open")) {
                // The customer overview's meaning: anything not finished, not only the status named open.
                openOnly = true;
            } else {
                try {
                    statuses = List.of(TicketStatus.of(status).value());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("status", "must be open (anything not resolved or closed), new,"
                            + " pending_customer, on_hold, resolved or closed");
                }
            }
        }
        return new TicketQuery(assignee, queueId, Params.uuid("contactId", p.contactId()),
                Params.uuid("companyId", p.companyId()), statuses, openOnly, atRisk, breached,
                Params.instant("updatedSince", p.updatedSince()));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Ticket " + id);
    }
}
