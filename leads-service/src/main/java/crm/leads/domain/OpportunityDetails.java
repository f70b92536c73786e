package crm.leads.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a caller may set on an opportunity, normalised and priced. {@code amount} is the sum of the line
 * totals when there are lines, otherwise what the caller estimated (possibly unknown, null).
 */
public record OpportunityDetails(String name, BigDecimal amount, String currency, LocalDate expectedCloseOn,
                                 String ownerId, UUID contactId, UUID companyId, UUID campaignId, String unitId,
                                 List<OpportunityLine> lines) {

    public OpportunityDetails {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
