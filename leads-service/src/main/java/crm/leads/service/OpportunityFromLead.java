package crm.leads.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a lead's conversion hands over to open an opportunity: the lead it came from, the contact it
 * belongs to (null until contacts-service has answered), and the deal's first figures. {@code unitId} is
 * the lead's unit; null places the opportunity in the transaction's unit (none for HQ staff). A null
 * currency means the configured default, a null expected close the configured horizon from today.
 */
public record OpportunityFromLead(UUID leadId, UUID contactId, String name, BigDecimal amount, String currency,
                                  LocalDate expectedCloseOn, String ownerId, UUID campaignId, String unitId) {

    /** Without a unit: the opportunity lands in the unit of the transaction's scope. */
    public OpportunityFromLead(UUID leadId, UUID contactId, String name, BigDecimal amount, String currency,
                               LocalDate expectedCloseOn, String ownerId, UUID campaignId) {
        this(leadId, contactId, name, amount, currency, expectedCloseOn, ownerId, campaignId, null);
    }
}
