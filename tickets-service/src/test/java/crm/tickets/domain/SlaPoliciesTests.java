package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crm.platform.time.BusinessCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which policy holds a ticket, and how configured calendars become business calendars. */
class SlaPoliciesTests {

    private static SlaPolicy policy(String name, Priority priority, String tier, long firstResponse) {
        return new SlaPolicy(name, priority, tier, firstResponse, firstResponse * 4, null, List.of(), List.of(), null);
    }

    private static final SlaPolicies POLICIES = new SlaPolicies(75, List.of(
            policy("high", Priority.HIGH, null, 60),
            policy("high gold", Priority.HIGH, "gold", 15),
            policy("normal", Priority.NORMAL, null, 240)));

    @Test
    void shouldPreferThePolicyOfTheCustomersTier() {
        assertThat(POLICIES.termsFor(Priority.HIGH, "gold")).map(SlaTerms::policy).contains("high gold");
        assertThat(POLICIES.termsFor(Priority.HIGH, "standard")).map(SlaTerms::policy).contains("high");
        assertThat(POLICIES.termsFor(Priority.NORMAL, "gold")).map(SlaTerms::policy).contains("normal");
        assertThat(POLICIES.termsFor(Priority.URGENT, "gold")).isEmpty();
    }

    @Test
    void shouldTakeTheDocumentsWarningShareUnlessThePolicyHasOne() {
        assertThat(POLICIES.termsFor(Priority.HIGH, null).orElseThrow().warningPercent()).isEqualTo(75);
        SlaPolicies own = new SlaPolicies(null, List.of(new SlaPolicy("p", Priority.LOW, null, 10L, 20L, 50, null,
                null, null)));
        assertThat(own.termsFor(Priority.LOW, null).orElseThrow().warningPercent()).isEqualTo(50);
        assertThat(new SlaPolicies(null, List.of()).warningPercent()).isEqualTo(80);
    }

    @Test
    void shouldHaveDefaultsForEveryPriority() {
        for (Priority priority : Priority.values()) {
            assertThat(SlaPolicies.standard().termsFor(priority, "standard")).as(priority.value()).isPresent();
        }
    }

    @Test
    void shouldBuildCalendarsPerUnitWithTheTenantsAsFallback() {
        CalendarSpec alwaysOpen = new CalendarSpec("Europe/Berlin", Map.of("saturday",
                List.of(new CalendarSpec.Hours("00:00", "00:00"))), List.of());
        BusinessCalendars.Compiled calendars = new BusinessCalendars(CalendarSpec.standard(),
                Map.of("t-hamburg", alwaysOpen)).compile();

        Instant saturdayNoon = Instant.parse("2026-11-28T11:00:00Z");
        assertThat(calendars.forUnit("t-hamburg").isOpen(saturdayNoon)).isTrue();
        assertThat(calendars.forUnit("t-munich").isOpen(saturdayNoon)).isFalse();
        assertThat(calendars.forUnit(null).isOpen(Instant.parse("2026-11-27T09:00:00Z"))).isTrue();
    }

    @Test
    void shouldNameTheInvalidPartOfACalendar() {
        assertThatThrownBy(() -> new CalendarSpec("Mars/Olympus", Map.of(), List.of()).toCalendar("tenant"))
                .isInstanceOfSatisfying(CalendarSpec.Invalid.class, e -> assertThat(e.field()).isEqualTo("tenant.zone"));
        assertThatThrownBy(() -> new CalendarSpec("Europe/Berlin", Map.of("funday",
                List.of(new CalendarSpec.Hours("08:00", "10:00"))), List.of()).toCalendar("units.x"))
                .isInstanceOfSatisfying(CalendarSpec.Invalid.class,
                        e -> assertThat(e.field()).isEqualTo("units.x.openingHours.funday"));
        assertThatThrownBy(() -> new CalendarSpec("Europe/Berlin", Map.of("monday",
                List.of(new CalendarSpec.Hours("18:00", "08:00"))), List.of()).toCalendar("tenant"))
                .isInstanceOf(CalendarSpec.Invalid.class);
        assertThatThrownBy(() -> new CalendarSpec("Europe/Berlin", Map.of("monday",
                List.of(new CalendarSpec.Hours("08:00", "18:00"))), List.of("2026-02-30")).toCalendar("tenant"))
                .isInstanceOfSatisfying(CalendarSpec.Invalid.class, e -> assertThat(e.field()).isEqualTo("tenant.holidays[0]"));
        assertThatThrownBy(() -> new CalendarSpec("Europe/Berlin", Map.of(), List.of()).toCalendar("tenant"))
                .as("a calendar that is never open").isInstanceOf(CalendarSpec.Invalid.class);
    }

    @Test
    void shouldMatchTheStandardCalendarOfThePlatform() {
        BusinessCalendar configured = CalendarSpec.standard().toCalendar("tenant");
        Instant mondayMorning = Instant.parse("2026-11-23T07:30:00Z");

        assertThat(configured.plusBusinessMinutes(mondayMorning, 600))
                .isEqualTo(BusinessCalendar.standard().plusBusinessMinutes(mondayMorning, 600));
    }
}
