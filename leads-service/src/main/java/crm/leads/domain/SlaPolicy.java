package crm.leads.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's speed-to-lead promise: the first contact within so many minutes of business hours, per
 * channel (a web lead is hotter than a trade-fair list). A lead is at risk once {@code warningShare} of its
 * target has passed; at the due time an untouched lead breaches and is escalated once.
 */
public record SlaPolicy(@Valid @NotNull CalendarSettings calendar,
                        @Size(max = 1000) List<@Valid @NotNull UnitCalendar> unitCalendars,
                        @Min(1) @Max(100000) int defaultMinutes,
                        @Size(max = 20) List<@Valid @NotNull ChannelTarget> channels,
                        @DecimalMin("0.05") @DecimalMax("1.0") double warningShare,
                        @NotNull SlaEscalation escalation) {

    public SlaPolicy {
        unitCalendars = unitCalendars == null ? List.of() : List.copyOf(unitCalendars);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** A unit that keeps other hours than the tenant's calendar. */
    public record UnitCalendar(@NotBlank @Pattern(regexp = Territories.KEY, message = "must be a unit id") String unitId,
                               @Valid @NotNull CalendarSettings calendar) {
    }

    public record ChannelTarget(@NotNull Channel channel, @Min(1) @Max(100000) int minutes) {
    }

    public int minutesFor(Channel channel) {
        return channels.stream().filter(c -> c.channel() == channel).map(ChannelTarget::minutes).findFirst()
                .orElse(defaultMinutes);
    }

    /** The calendar of the unit ({@code null}: headquarters), falling back to the tenant's. */
    public CalendarSettings calendarFor(String unitId) {
        Optional<UnitCalendar> own = unitCalendars.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
        return own.map(UnitCalendar::calendar).orElse(calendar);
    }

    /** One business hour for every channel, on the standard calendar; the manager is notified on a breach. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(CalendarSettings.standard(), List.of(), 60, List.of(), 0.75, SlaEscalation.NOTIFY);
    }
}
