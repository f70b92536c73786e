package crm.platform.events;

import crm.platform.tenancy.TenantContext;

/**
 * A domain event as a service states it: the versioned type, the aggregate it concerns and its payload.
 * The outbox adds id, source and time.
 */
public record OutgoingEvent(String topic, String type, String aggregateId, String tenantId, String unitId,
                            Object data) {

    public static OutgoingEvent of(String topic, String type, String aggregateId, TenantContext context,
                                   String unitId, Object data) {
        return new OutgoingEvent(topic, type, aggregateId, context.tenantId(), unitId, data);
    }
}
