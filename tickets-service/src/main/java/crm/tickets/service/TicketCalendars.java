package crm.tickets.service;

import crm.platform.time.BusinessCalendar;
import crm.tickets.domain.BusinessCalendars;
import crm.tickets.domain.SlaPolicies;
import crm.tickets.repository.SettingsRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** The tenant's business calendars and SLA policies as the SLA arithmetic needs them, or the defaults. */
@ApplicationScoped
public class TicketCalendars {

    private final SettingsRepository settings;

    public TicketCalendars(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The calendar that governs a ticket of {@code unitId} (the unit's own, else the tenant's). */
    public Uni<BusinessCalendar> forUnit(SqlConnection tx, String unitId) {
        return calendars(tx).map(c -> c.compile().forUnit(unitId));
    }

    public Uni<BusinessCalendars> calendars(SqlConnection tx) {
        return settings.find(tx, SettingsRepository.CALENDARS, BusinessCalendars.class)
                .map(found -> found.map(SettingsRepository.Stored::document).orElseGet(BusinessCalendars::standard));
    }

    public Uni<SlaPolicies> policies(SqlConnection tx) {
        return settings.find(tx, SettingsRepository.SLA_POLICIES, SlaPolicies.class)
                .map(found -> found.map(SettingsRepository.Stored::document).orElseGet(SlaPolicies::standard));
    }
}
