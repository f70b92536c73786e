package crm.leads.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells a human's form submission from a bot's without asking the human anything: bots fill the hidden
 * honeypot input, submit faster than anyone can type, or post without having loaded the form (no valid
 * signed {@code renderedAt}). A stale {@code renderedAt} is refused too, so one captured value cannot be
 * replayed for days.
 */
public final class SubmissionScreen {

    private SubmissionScreen() {
    }

    /** {@code human} or the reason it looks like a bot (logged, never told to the sender). */
    public record Verdict(boolean human, String reason) {

        static Verdict ofHuman() {
            return new Verdict(true, null);
        }

        static Verdict bot(String reason) {
            return new Verdict(false, reason);
        }
    }

    public static Verdict screen(String honeypotValue, Optional<Instant> renderedAt, Instant now,
                                 int minimumFillSeconds, Duration maximumAge) {
        if (honeypotValue != null && !honeypotValue.isBlank()) {
            return Verdict.bot("honeypot filled");
        }
        if (renderedAt.isEmpty()) {
            return Verdict.bot("renderedAt missing or not signed by us");
        }
        Duration taken = Duration.between(renderedAt.get(), now);
        if (taken.isNegative()) {
            return Verdict.bot("renderedAt lies in the future");
        }
        if (taken.compareTo(Duration.ofSeconds(minimumFillSeconds)) < 0) {
            return Verdict.bot("filled in " + taken.toMillis() + " ms, faster than " + minimumFillSeconds + " s");
        }
        if (taken.compareTo(maximumAge) > 0) {
            return Verdict.bot("renderedAt older than " + maximumAge);
        }
        return Verdict.ofHuman();
    }
}
