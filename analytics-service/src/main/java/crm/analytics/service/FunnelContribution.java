package crm.analytics.service;

import crm.analytics.domain.Deltas;
import crm.analytics.domain.LeadState;
import crm.analytics.domain.MinuteBuckets;
import crm.analytics.repository.LeadRepository.FunnelCell;
import crm.analytics.repository.LeadRepository.SpeedCell;
import java.util.Comparator;

/**
 * How a change of a lead's state changes the funnel: its old contribution is taken out and its new one
 * booked, in the brand-wide scope and in its unit's scope. A lead that moves unit moves its counts.
 */
final class FunnelContribution {

    private static final Comparator<LeadState.FunnelKey> KEY_ORDER = Comparator
            .comparing(LeadState.FunnelKey::month)
            .thenComparing(LeadState.FunnelKey::channel)
            .thenComparing(LeadState.FunnelKey::campaignKey)
            .thenComparing(LeadState.FunnelKey::unitId, Deltas::compareText);
    private static final Comparator<FunnelCell> CELL_ORDER = Comparator
            .comparing(FunnelCell::scopeUnit, Deltas::compareText)
            .thenComparing(FunnelCell::key, KEY_ORDER);
    private static final Comparator<SpeedCell> SPEED_ORDER = Comparator
            .comparing(SpeedCell::scopeUnit, Deltas::compareText)
            .thenComparing(SpeedCell::key, KEY_ORDER)
            .thenComparing(SpeedCell::minutes);

    final Deltas<FunnelCell> counts = new Deltas<>(7, CELL_ORDER);
    final Deltas<SpeedCell> speed = new Deltas<>(1, SPEED_ORDER);

    static FunnelContribution between(LeadState before, LeadState after) {
        FunnelContribution change = new FunnelContribution();
        change.add(before, -1);
        change.add(after, 1);
        return change;
    }

    /** Adds another change: a batch of lead changes books their sum. */
    void addAll(FunnelContribution other) {
        counts.addAll(other.counts);
        speed.addAll(other.speed);
    }

    private void add(LeadState lead, int sign) {
        LeadState.FunnelKey key = lead.funnelKey();
        if (key == null) {
            return;
        }
        Integer speedToLead = lead.speedToLeadMinutes();
        Integer minutes = speedToLead == null ? null : MinuteBuckets.of(speedToLead);
        // A row is identified by its scope, not by the lead's unit: when a lead moves unit, the brand-wide row
        // must net out to one change rather than receive two for the same row in one statement.
        LeadState.FunnelKey row = new LeadState.FunnelKey(null, key.month(), key.channel(), key.campaignKey());
        for (String scope : Deltas.scopesOf(key.unitId())) {
            counts.add(new FunnelCell(scope, row), lead.funnelCounts(), sign);
            if (minutes != null) {
                speed.add(new SpeedCell(scope, row, minutes), new long[] {1}, sign);
            }
        }
    }
}
