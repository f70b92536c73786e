package crm.leads.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a lead in two steps, both pure so they can be tested over many cases: first the unit (a unit
 * fixed at capture, else the territory of the postal code, else a fallback unit such as a web form's
 * default, else headquarters), then the rep inside that unit by the unit's strategy. Every lead ends up
 * with an owner or in a unit's or HQ's queue, never nowhere.
 */
public final class LeadRouter {

    private LeadRouter() {
    }

    public record UnitChoice(String unitId, String territoryId, String reason) {

        public boolean isHeadquarters() {
            return unitId == null;
        }
    }

    public record RepChoice(String ownerId, String reason) {
    }

    /**
     * @param fixedUnit    a unit the capture already decided (a franchisee's own lead, or HQ naming it); wins
     * @param postalCode   the lead's postal code, matched against the territories
     * @param fallbackUnit where the lead goes when no territory claims it (a web form's default unit), may be null
     */
    public static UnitChoice chooseUnit(String fixedUnit, String postalCode, String fallbackUnit, Territories territories) {
        if (fixedUnit != null) {
            return new UnitChoice(fixedUnit, null, "unit set at capture");
        }
        Optional<TerritoryMatcher.Match> match = TerritoryMatcher.match(territories, postalCode);
        if (match.isPresent()) {
            Territories.Territory t = match.get().territory();
            return new UnitChoice(t.unitId(), t.id(), "territory " + t.id() + " (" + match.get().rule() + ")");
        }
        String why = postalCode == null || postalCode.isBlank() ? "no postal code"
                : "no territory for postal code " + TerritoryMatcher.normalise(postalCode);
        if (fallbackUnit != null) {
            return new UnitChoice(fallbackUnit, null, "default unit of the form (" + why + ")");
        }
        return new UnitChoice(null, null, why);
    }

    /**
     * Picks a rep of the unit. {@code openLeads} counts each rep's open leads; {@code lastAssigned} is the
     * rep who got the unit's previous lead (round robin continues after them); {@code excluded} reps are
     * skipped (the owner a breached lead is taken from).
     */
    public static RepChoice chooseRep(RoutingRules.UnitRoster roster, Map<String, Integer> openLeads,
                                      String lastAssigned, Set<String> excluded) {
        if (roster == null || roster.reps().isEmpty()) {
            return new RepChoice(null, "no reps configured for the unit; unit queue");
        }
        List<RoutingRules.Rep> inTurn = inTurnAfter(roster.reps(), lastAssigned);
        List<RoutingRules.Rep> available = new ArrayList<>();
        for (RoutingRules.Rep rep : inTurn) {
            if (rep.isActive() && !excluded.contains(rep.userId()) && load(openLeads, rep) < rep.capacity()) {
                available.add(rep);
            }
        }
        if (available.isEmpty()) {
            return new RepChoice(null, "no rep with free capacity; unit queue");
        }
        if (roster.strategy() == AssignmentStrategy.LEAST_LOADED) {
            RoutingRules.Rep least = available.get(0);
            for (RoutingRules.Rep rep : available) {
                if (load(openLeads, rep) < load(openLeads, least)) {
                    least = rep;
                }
            }
            return new RepChoice(least.userId(), "least loaded rep (" + load(openLeads, least) + " open leads)");
        }
        return new RepChoice(available.get(0).userId(), "round robin");
    }

    /** Both steps: the decision a capture records. */
    public static RoutingDecision decide(UnitChoice unit, RepChoice rep) {
        if (unit.isHeadquarters()) {
            return new RoutingDecision(null, null, LeadQueue.HQ, null, unit.reason() + "; HQ queue");
        }
        return new RoutingDecision(unit.unitId(), rep.ownerId(), LeadQueue.UNIT, unit.territoryId(),
                unit.reason() + "; " + rep.reason());
    }

    private static int load(Map<String, Integer> openLeads, RoutingRules.Rep rep) {
        return openLeads.getOrDefault(rep.userId(), 0);
    }

    /** The reps in the order their turn comes: starting after {@code last}, wrapping around. */
    private static List<RoutingRules.Rep> inTurnAfter(List<RoutingRules.Rep> reps, String last) {
        int start = 0;
        for (int i = 0; i < reps.size(); i++) {
            if (reps.get(i).userId().equals(last)) {
                start = i + 1;
                break;
            }
        }
        List<RoutingRules.Rep> ordered = new ArrayList<>(reps.size());
        for (int i = 0; i < reps.size(); i++) {
            ordered.add(reps.get((start + i) % reps.size()));
        }
        return ordered;
    }
}
