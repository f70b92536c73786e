package crm.analytics.repository;

/**
 * The scopes a figure is booked in (see the read-model migration): always brand-wide (null), and the
 * unit's own row when the record belongs to a unit. Brand-wide comes first, so rows are locked in one order.
 */
final class Scopes {

    private Scopes() {
    }

    static String[] of(String unitId) {
        return unitId == null ? new String[] {null} : new String[] {null, unitId};
    }
}
