package crm.leads.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed steps of a lead: new, contacted, qualified, converted, with disqualification and nurturing
 * possible from every open status. A nurtured lead comes back as contacted or qualified. Converted and
 * disqualified are final: a lead that comes back later is a new capture.
 */
public final class LeadWorkflow {

    private static final Map<LeadStatus, Set<LeadStatus>> NEXT = Map.of(
            LeadStatus.NEW, EnumSet.of(LeadStatus.CONTACTED, LeadStatus.DISQUALIFIED, LeadStatus.NURTURE),
            LeadStatus.CONTACTED, EnumSet.of(LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED, LeadStatus.NURTURE),
            LeadStatus.QUALIFIED, EnumSet.of(LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED, LeadStatus.NURTURE),
            LeadStatus.NURTURE, EnumSet.of(LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED,
                    LeadStatus.NURTURE),
            LeadStatus.CONVERTED, EnumSet.noneOf(LeadStatus.class),
            LeadStatus.DISQUALIFIED, EnumSet.noneOf(LeadStatus.class));

    private LeadWorkflow() {
    }

    public static boolean allows(LeadStatus from, LeadStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Why a step is refused, phrased for the caller; {@code null} when it is allowed. */
    public static String refusal(LeadStatus from, LeadStatus to) {
        if (allows(from, to)) {
            return null;
        }
        if (!from.isOpen()) {
            return "The lead is " + from.value() + ", a final status; it cannot become " + to.value();
        }
        Set<LeadStatus> next = NEXT.get(from);
        return "A " + from.value() + " lead cannot become " + to.value() + "; allowed next: "
                + String.join(", ", next.stream().map(LeadStatus::value).toList());
    }
}
