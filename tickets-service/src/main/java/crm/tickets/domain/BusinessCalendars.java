package crm.tickets.domain;

import crm.platform.time.BusinessCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's business calendars: one for the whole tenant and any number of per-unit ones that replace it
 * for that unit's tickets (a store in another time zone, a local holiday).
 */
public record BusinessCalendars(
        @NotNull @Valid CalendarSpec tenant,
        @Size(max = 500) Map<@NotNull @Size(min = 1, max = 64) String, @Valid @NotNull CalendarSpec> units) {

    public BusinessCalendars {
        units = units == null ? Map.of() : Map.copyOf(units);
    }

    public static BusinessCalendars standard() {
        return new BusinessCalendars(CalendarSpec.standard(), Map.of());
    }

    /** Builds every calendar once, which validates them all; field names in errors follow the document. */
    public Compiled compile() {
        Map<String, BusinessCalendar> perUnit = new LinkedHashMap<>();
        units.forEach((unit, spec) -> perUnit.put(unit, spec.toCalendar("units." + unit)));
        return new Compiled(tenant.toCalendar("tenant"), perUnit);
    }

    /** The calendars ready for arithmetic. */
    public record Compiled(BusinessCalendar tenant, Map<String, BusinessCalendar> units) {

        /** The calendar of a unit's tickets: its own, or the tenant's. */
        public BusinessCalendar forUnit(String unitId) {
            return unitId == null ? tenant : units.getOrDefault(unitId, tenant);
        }
    }
}
