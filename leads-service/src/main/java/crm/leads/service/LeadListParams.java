package crm.leads.service;

import java.util.List;

/** The query parameters of a lead list, as sent; LeadService checks and converts them. */
public record LeadListParams(String view, List<String> status, String contactId, String channel, String campaignId,
                             String ownerId, String updatedSince) {
}
