package crm.analytics.service;

import crm.analytics.domain.CalendarPeriod;
import crm.analytics.domain.Deltas;
import crm.analytics.domain.MinuteBuckets;
import crm.analytics.domain.TicketState;
import crm.analytics.repository.TicketRepository.BacklogCell;
import crm.analytics.repository.TicketRepository.CategoryCell;
import crm.analytics.repository.TicketRepository.MinutesCell;
import crm.analytics.repository.TicketRepository.MonthCell;
import java.util.Comparator;

/**
 * How a change of a ticket's state changes the service figures: its old contribution is taken out and its
 * new one booked. A ticket counts as opened in its opening month, as resolved (with SLA results and
 * business minutes) in the month of its latest resolution, with its latest rating in the rating's month,
 * and in the backlog of its queue while it is open.
 */
final class ServiceContribution {

    static final String FIRST_RESPONSE = "first_response";
    static final String RESOLUTION = "resolution";

    final Deltas<MonthCell> months = new Deltas<>(8, Comparator
            .comparing(MonthCell::scopeUnit, Deltas::compareText).thenComparing(MonthCell::month));
    final Deltas<MinutesCell> minutes = new Deltas<>(1, Comparator
            .comparing(MinutesCell::scopeUnit, Deltas::compareText).thenComparing(MinutesCell::month)
            .thenComparing(MinutesCell::metric).thenComparing(MinutesCell::minutes));
    final Deltas<BacklogCell> backlog = new Deltas<>(1, Comparator
            .comparing(BacklogCell::unitId, Deltas::compareText).thenComparing(BacklogCell::queueKey));
    final Deltas<CategoryCell> categories = new Deltas<>(1, Comparator
            .comparing(CategoryCell::scopeUnit, Deltas::compareText).thenComparing(CategoryCell::period)
            .thenComparing(CategoryCell::start).thenComparing(CategoryCell::category));

    static ServiceContribution between(TicketState before, TicketState after) {
        ServiceContribution change = new ServiceContribution();
        change.add(before, -1);
        change.add(after, 1);
        return change;
    }

    /** Adds another change: a batch of ticket changes books their sum. */
    void addAll(ServiceContribution other) {
        months.addAll(other.months);
        minutes.addAll(other.minutes);
        backlog.addAll(other.backlog);
        categories.addAll(other.categories);
    }

    private void add(TicketState t, int sign) {
        if (t.open()) {
            backlog.add(new BacklogCell(t.unitId(), t.queueKey(), t.queueName()), new long[] {1}, sign);
        }
        for (String scope : Deltas.scopesOf(t.unitId())) {
            if (t.openedAt() != null) {
                months.add(new MonthCell(scope, CalendarPeriod.MONTH.startOf(t.openedAt())),
                        new long[] {1, 0, 0, 0, 0, 0, 0, 0}, sign);
                categories.add(new CategoryCell(scope, "day", CalendarPeriod.DAY.startOf(t.openedAt()),
                        t.categoryOrDefault()), new long[] {1}, sign);
                categories.add(new CategoryCell(scope, "week", CalendarPeriod.WEEK.startOf(t.openedAt()),
                        t.categoryOrDefault()), new long[] {1}, sign);
                categories.add(new CategoryCell(scope, "month", CalendarPeriod.MONTH.startOf(t.openedAt()),
                        t.categoryOrDefault()), new long[] {1}, sign);
            }
            if (t.resolvedAt() != null) {
                var month = CalendarPeriod.MONTH.startOf(t.resolvedAt());
                months.add(new MonthCell(scope, month), new long[] {0, 1, measured(t.firstResponseMet()),
                        met(t.firstResponseMet()), measured(t.resolutionMet()), met(t.resolutionMet()), 0, 0}, sign);
                if (t.firstResponseMinutes() != null) {
                    minutes.add(new MinutesCell(scope, month, FIRST_RESPONSE,
                            MinuteBuckets.of(t.firstResponseMinutes())), new long[] {1}, sign);
                }
                if (t.resolutionMinutes() != null) {
                    minutes.add(new MinutesCell(scope, month, RESOLUTION,
                            MinuteBuckets.of(t.resolutionMinutes())), new long[] {1}, sign);
                }
            }
            if (t.rating() != null && t.ratedAt() != null) {
                months.add(new MonthCell(scope, CalendarPeriod.MONTH.startOf(t.ratedAt())),
                        new long[] {0, 0, 0, 0, 0, 0, t.rating(), 1}, sign);
            }
        }
    }

    private static long measured(Boolean met) {
        return met == null ? 0 : 1;
    }

    private static long met(Boolean met) {
        return Boolean.TRUE.equals(met) ? 1 : 0;
    }
}
