package crm.contacts.service;

import crm.contacts.repository.ErasureRepository;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Records {@code crm.privacy.erasure-applied.v1} of other services against the erasure request it answers. */
@ApplicationScoped
public class ErasureConfirmations {

    private final ErasureRepository erasures;

    public ErasureConfirmations(ErasureRepository erasures) {
        this.erasures = erasures;
    }

    /** {@code producer} names the service of the topic, used when the payload does not name one. */
    public Uni<Void> apply(SqlConnection tx, CloudEvent event, String producer) {
        EventData data = new EventData(event.data());
        UUID requestId = data.uuid("erasureRequestId");
        UUID subjectId = data.uuid("subjectId");
        if (requestId == null && subjectId == null) {
            return Uni.createFrom().voidItem();
        }
        String service = data.text("service", 100);
        OffsetDateTime appliedAt = data.time("appliedAt");
        return erasures.confirm(tx, requestId, subjectId, service == null ? producer : service,
                        appliedAt != null ? appliedAt : event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC))
                .replaceWithVoid();
    }
}
