package crm.leads.repository;

import crm.leads.domain.Channel;
import crm.leads.domain.LeadStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A checked lead list request: every field is optional and narrows the list. */
public record LeadQuery(LeadView view, String subject, List<LeadStatus> statuses, UUID contactId, Channel channel,
                        UUID campaignId, String ownerId, OffsetDateTime updatedSince) {

    public LeadQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** The work lists of the API's {@code view} parameter. */
    public enum LeadView {
        /** Open leads owned by the caller. */
        MINE("mine"),
        /** Untouched new leads past the warning share of their speed-to-lead target, not yet breached. */
        AT_RISK("at-risk"),
        /** Untouched new leads whose speed-to-lead target has passed. */
        BREACHED("breached"),
        /** Open leads nobody owns in the headquarters queue. */
        HQ_QUEUE("hq-queue");

        private final String value;

        LeadView(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static LeadView of(String value) {
            for (LeadView view : values()) {
                if (view.value.equals(value)) {
                    return view;
                }
            }
            throw new IllegalArgumentException("must be mine, at-risk, breached or hq-queue");
        }
    }
}
