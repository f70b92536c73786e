package crm.leads.service;

import crm.leads.domain.Lead;
import crm.leads.domain.LeadDetails;
import crm.leads.domain.LeadScorer;
import crm.leads.domain.Score;
import crm.leads.domain.ScoringFacts;
import crm.leads.domain.ScoringRules;
import crm.leads.events.LeadEvents;
import crm.leads.repository.LeadActivityRepository;
import crm.platform.events.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/**
 * Scores a lead from its stored facts whenever something happened to it (capture, attached capture,
 * activity, changed details). A changed score is announced with {@code crm.lead.scored.v1}.
 */
@ApplicationScoped
public class LeadScoring {

    private final LeadActivityRepository activities;
    private final Outbox outbox;

    public LeadScoring(LeadActivityRepository activities, Outbox outbox) {
        this.activities = activities;
        this.outbox = outbox;
    }

    /** The score of a lead that has no history yet. */
    public static Score initial(ScoringRules rules, LeadDetails d, int formFills, OffsetDateTime now) {
        return LeadScorer.score(rules, new ScoringFacts(d.postalCode(), d.companySize(), d.productsOfInterest(), 0,
                formFills, now.toInstant()), now.toInstant());
    }

    /** {@code lead} with its score recomputed from its details and history. */
    public Uni<Lead> rescore(SqlConnection tx, ScoringRules rules, Lead lead, OffsetDateTime now) {
        return activities.engagement(tx, lead.id()).map(engagement -> {
            LeadDetails d = lead.details();
            OffsetDateTime last = latest(lead.lastEngagedAt(), engagement.latest());
            Score score = LeadScorer.score(rules, new ScoringFacts(d.postalCode(), d.companySize(),
                    d.productsOfInterest(), engagement.conversations(), lead.formFills(),
                    last == null ? null : last.toInstant()), now.toInstant());
            return Leads.withScore(lead, score);
        });
    }

    /** Announces the score of {@code after} if it differs from {@code before}'s. */
    public Uni<Void> announceChange(SqlConnection tx, String tenantId, Lead before, Lead after) {
        if (before.score().points() == after.score().points()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(tx, LeadEvents.scored(tenantId, after, before.score().points()));
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
