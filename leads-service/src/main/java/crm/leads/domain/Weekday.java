package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;

/** A day of the week as the API writes it. */
public enum Weekday {
    @JsonProperty("monday") MONDAY(DayOfWeek.MONDAY),
    @JsonProperty("tuesday") TUESDAY(DayOfWeek.TUESDAY),
    @JsonProperty("wednesday") WEDNESDAY(DayOfWeek.WEDNESDAY),
    @JsonProperty("thursday") THURSDAY(DayOfWeek.THURSDAY),
    @JsonProperty("friday") FRIDAY(DayOfWeek.FRIDAY),
    @JsonProperty("saturday") SATURDAY(DayOfWeek.SATURDAY),
    @JsonProperty("sunday") SUNDAY(DayOfWeek.SUNDAY);

    private final DayOfWeek day;

    Weekday(DayOfWeek day) {
        this.day = day;
    }

    public DayOfWeek day() {
        return day;
    }
}
