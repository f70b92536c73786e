package crm.leads.domain;

/**
 * Where a lead goes: a unit (null for headquarters) and an owner (null for the unit's or HQ's queue), the
 * territory that decided the unit if any, and the reason, which is kept on the lead and in the event.
 */
public record RoutingDecision(String unitId, String ownerId, LeadQueue queue, String territoryId, String reason) {
}
