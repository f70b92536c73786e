package crm.tickets.service;

import crm.platform.concurrency.ExpectedVersion;
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
import crm.tickets.domain.Labels;
import crm.tickets.domain.Queue;
import crm.tickets.domain.QueueMember;
import crm.tickets.repository.QueueRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Queues and their members. Brand-wide configuration: everyone reads, HQ admins change. */
@ApplicationScoped
public class QueueService {

    static final String CREATE_OPERATION = "POST /api/v1/queues";

    private final TenantScope scope;
    private final QueueRepository queues;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;

    public QueueService(TenantScope scope, QueueRepository queues, CurrentTenant currentTenant,
                        IdempotentRequests idempotency) {
        this.scope = scope;
        this.queues = queues;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
    }

    public Uni<StoredResponse> createQueue(@Valid @NotNull NewQueue request, IdempotencyKey key,
                                           Function<Queue, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        Units.requireBrandWide(context, "Queues");
        List<QueueMember> members = members(request.members());
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> queues.insert(tx, UUID.randomUUID(), request.name().strip(), request.description(),
                        request.strategy(), members).map(respond)));
    }

    public Uni<Queue> findQueue(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> queues.findById(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Queue " + id)));
    }

    public Uni<Page<Queue>> listQueues(String updatedSince, PageRequest page) {
        var since = Params.instant("updatedSince", updatedSince);
        return scope.inTransaction(currentTenant.get(), tx -> queues.list(tx, since, page))
                .map(rows -> Page.of(rows, page, q -> new Cursor(q.updatedAt().toString(), q.id().toString())));
    }

    public Uni<Queue> replaceQueue(UUID id, ExpectedVersion expected, @Valid @NotNull NewQueue request) {
        TenantContext context = currentTenant.get();
        Units.requireBrandWide(context, "Queues");
        List<QueueMember> members = members(request.members());
        return scope.inTransaction(context, tx -> queues.findById(tx, id).flatMap(found -> {
            Queue current = found.orElseThrow(() -> ProblemException.notFound("Queue " + id));
            expected.check("Queue " + id, current.version());
            return queues.update(tx, id, current.version(), request.name().strip(), request.description(),
                            request.strategy(), members)
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Queue " + id)));
        }));
    }

    /** Skills are normalised like ticket categories (they are compared with them); each agent appears once. */
    static List<QueueMember> members(List<QueueMember> requested) {
        if (requested == null) {
            return List.of();
        }
        List<QueueMember> members = new ArrayList<>();
        Set<String> agents = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            QueueMember m = requested.get(i);
            String agent = m.agentId().strip();
            if (!agents.add(agent)) {
                throw ProblemException.badRequest("members[" + i + "].agentId", "is listed twice");
            }
            List<String> skills;
            try {
                skills = Labels.normalise(m.skills(), 30);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("members[" + i + "].skills", e.getMessage());
            }
            members.add(new QueueMember(agent, skills, m.capacity(), m.active()));
        }
        return members;
    }
}
