package crm.leads.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Business hours as configured: a time zone, opening hours per weekday (several per day for a lunch
 * break; {@code closes} may be {@code 24:00} for open until midnight) and holidays.
 */
public record CalendarSettings(@NotBlank @Size(max = 64) String zone,
                               @Size(max = 50) List<@Valid @NotNull OpeningHours> week,
                               @Size(max = 400) List<@NotNull LocalDate> holidays) {

    public static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    public CalendarSettings {
        week = week == null ? List.of() : List.copyOf(week);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public record OpeningHours(@NotNull Weekday day,
                               @NotNull @Pattern(regexp = TIME, message = "must be a time HH:mm") String opens,
                               @NotNull @Pattern(regexp = TIME + "|24:00", message = "must be a time HH:mm or 24:00")
                               String closes) {
    }

    /** Monday to Friday, 08:00 to 18:00, Berlin time. */
    public static CalendarSettings standard() {
        return new CalendarSettings("Europe/Berlin", List.of(
                new OpeningHours(Weekday.MONDAY, "08:00", "18:00"),
                new OpeningHours(Weekday.TUESDAY, "08:00", "18:00"),
                new OpeningHours(Weekday.WEDNESDAY, "08:00", "18:00"),
                new OpeningHours(Weekday.THURSDAY, "08:00", "18:00"),
                new OpeningHours(Weekday.FRIDAY, "08:00", "18:00")), List.of());
    }
}
