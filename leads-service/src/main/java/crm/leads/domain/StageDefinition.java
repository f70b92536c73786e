package crm.leads.domain;

/** One stage of a tenant's sales pipeline and the chance that a deal in it is won, in percent. */
public record StageDefinition(String key, String name, int probability) {
}
