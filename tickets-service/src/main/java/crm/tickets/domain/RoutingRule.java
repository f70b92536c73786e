package crm.tickets.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One routing rule of a tenant: if every condition that is given holds (within a list, any entry will do),
 * the ticket goes to {@code queueId}. An empty or missing list does not restrict. {@code words} match
 * whole words or phrases in the subject or description, ignoring case.
 */
public record RoutingRule(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 50) List<@NotNull @Size(max = 50) String> categories,
        @Size(max = 4) List<@NotNull Priority> priorities,
        @Size(max = 5) List<@NotNull Channel> channels,
        @Size(max = 200) List<@NotNull @Size(max = 64) String> unitIds,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> words,
        @Size(max = 20) List<@NotNull @Size(max = 30) String> tiers,
        @NotNull UUID queueId) {

    public RoutingRule {
        categories = categories == null ? List.of() : List.copyOf(categories);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        channels = channels == null ? List.of() : List.copyOf(channels);
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        words = words == null ? List.of() : List.copyOf(words);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public boolean matches(RoutingFacts facts) {
        return anyOrUnrestricted(categories, facts.category())
                && anyOrUnrestricted(priorities, facts.priority())
                && anyOrUnrestricted(channels, facts.channel())
                && anyOrUnrestricted(unitIds, facts.unitId())
                && anyOrUnrestricted(tiers, facts.tier())
                && (words.isEmpty() || mentionsAnyWord(facts));
    }

    private static <T> boolean anyOrUnrestricted(List<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private boolean mentionsAnyWord(RoutingFacts facts) {
        String text = TicketText.words(facts.subject() + " " + (facts.description() == null ? "" : facts.description()));
        return words.stream().map(w -> TicketText.words(w.toLowerCase(Locale.ROOT)))
                .anyMatch(word -> !word.isBlank() && text.contains(" " + word.strip() + " "));
    }
}
