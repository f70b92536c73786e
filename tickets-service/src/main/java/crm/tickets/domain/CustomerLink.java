package crm.tickets.domain;

import java.util.UUID;

/**
 * Who the ticket is for. {@code contactVerified}/{@code companyVerified} say whether contacts-service's
 * events have confirmed the ids; the tier is taken from the contact when the ticket opens.
 */
public record CustomerLink(UUID contactId, boolean contactVerified, UUID companyId, boolean companyVerified,
                           String requesterEmail, String customerTier) {
}
