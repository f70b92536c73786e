package crm.tickets.domain;

import crm.platform.time.BusinessCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Business hours as a tenant or unit configures them: a time zone, opening hours per weekday (lower-case
 * English day names; {@code closes} "00:00" means midnight at the end of the day, so "00:00"-"00:00" is the
 * whole day) and holidays. Days without entries are closed.
 */
public record CalendarSpec(
        @NotBlank @Size(max = 64) String zone,
        @NotNull @Size(max = 7) Map<@NotNull String, @NotNull @Size(max = 6) List<@Valid @NotNull Hours>> openingHours,
        @Size(max = 400) List<@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-12-24") String> holidays) {

    public record Hours(
            @NotNull @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be a time like 08:00") String opens,
            @NotNull @Pattern(regexp = "\\d{2}:\\d{2}", message = "must be a time like 18:00") String closes) {
    }

    /** A field path inside the spec and what is wrong with it. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public CalendarSpec {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** Europe/Berlin, Monday to Friday 08:00-18:00: what a tenant gets before it configures anything. */
    public static CalendarSpec standard() {
        Map<String, List<Hours>> week = new java.util.LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            week.put(day, List.of(new Hours("08:00", "18:00")));
        }
        return new CalendarSpec("Europe/Berlin", week, List.of());
    }

    /**
     * The calendar these settings describe; {@link Invalid} names the field ({@code prefix.zone},
     * {@code prefix.openingHours.monday}, ...) when they describe none.
     */
    public BusinessCalendar toCalendar(String prefix) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new Invalid(prefix + ".zone", "must be a time zone such as Europe/Berlin");
        }
        Map<DayOfWeek, List<BusinessCalendar.OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((name, hours) -> {
            String field = prefix + ".openingHours." + name;
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Invalid(field, "must be a weekday: monday to sunday");
            }
            try {
                week.put(day, hours.stream().map(h -> new BusinessCalendar.OpeningHours(
                        LocalTime.parse(h.opens()), LocalTime.parse(h.closes()))).toList());
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new Invalid(field, "must list times of day with each closing after its opening");
            }
        });
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            try {
                days.add(LocalDate.parse(holidays.get(i)));
            } catch (DateTimeException e) {
                throw new Invalid(prefix + ".holidays[" + i + "]", "must be a date like 2026-12-24");
            }
        }
        try {
            return BusinessCalendar.of(zoneId, week, days);
        } catch (IllegalArgumentException e) {
            throw new Invalid(prefix + ".openingHours", e.getMessage());
        }
    }
}
