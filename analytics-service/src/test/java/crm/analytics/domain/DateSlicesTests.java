package crm.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateSlicesTests {

    @Test
    void shouldReadWholeMonthsAsMonthsThenWholeWeeksThenDays() {
        // 2026-10-14 is a Wednesday; weeks from Monday 10-19 and 10-26 fit before November.
        DateSlices slices = DateSlices.of(LocalDate.parse("2026-10-14"), LocalDate.parse("2027-01-02"));

        assertThat(slices.months()).containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"));
        assertThat(slices.weeks()).containsExactly(LocalDate.parse("2026-10-19"));
        assertThat(slices.days()).containsExactly(LocalDate.parse("2026-10-14"), LocalDate.parse("2026-10-15"),
                LocalDate.parse("2026-10-16"), LocalDate.parse("2026-10-17"), LocalDate.parse("2026-10-18"),
                LocalDate.parse("2026-10-26"), LocalDate.parse("2026-10-27"), LocalDate.parse("2026-10-28"),
                LocalDate.parse("2026-10-29"), LocalDate.parse("2026-10-30"), LocalDate.parse("2026-10-31"),
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-02"));
    }

    @Test
    void shouldUseAWeekAcrossAMonthBoundaryWhenNeitherMonthIsWhole() {
        // 2026-11-30 is a Monday; neither November nor December is read whole.
        DateSlices slices = DateSlices.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"));

        assertThat(slices.months()).isEmpty();
        assertThat(slices.weeks()).containsExactly(LocalDate.parse("2026-11-30"));
        assertThat(slices.days()).isEmpty();
    }

    @Test
    void shouldCoverEveryDayOfTheRangeExactlyOnce() {
        LocalDate from = LocalDate.parse("2025-12-17");
        LocalDate to = LocalDate.parse("2026-03-09");
        DateSlices slices = DateSlices.of(from, to);

        List<LocalDate> covered = new ArrayList<>(slices.days());
        slices.weeks().forEach(w -> w.datesUntil(w.plusWeeks(1)).forEach(covered::add));
        slices.months().forEach(m -> m.datesUntil(m.plusMonths(1)).forEach(covered::add));
        assertThat(covered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(from.datesUntil(to.plusDays(1)).toList());
    }

    @Test
    void shouldReadAWholeMonthAsOneRow() {
        DateSlices slices = DateSlices.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));

        assertThat(slices.months()).containsExactly(LocalDate.parse("2026-02-01"));
        assertThat(slices.weeks()).isEmpty();
        assertThat(slices.days()).isEmpty();
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> DateSlices.of(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
