package crm.leads.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the score of a lead depends on. {@code conversations} counts logged calls, e-mails and meetings;
 * {@code formFills} counts the web-form submissions that created or were attached to the lead;
 * {@code lastEngagedAt} is the latest of those and of the capture itself.
 */
public record ScoringFacts(String postalCode, CompanySize companySize, List<String> productsOfInterest,
                           int conversations, int formFills, Instant lastEngagedAt) {

    public ScoringFacts {
        productsOfInterest = productsOfInterest == null ? List.of() : List.copyOf(productsOfInterest);
    }
}
