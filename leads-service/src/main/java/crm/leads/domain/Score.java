package crm.leads.domain;

import java.util.List;

/** A lead's score and why: the lines add up to the points. */
public record Score(int points, List<Line> explanation) {

    public Score {
        explanation = List.copyOf(explanation);
    }

    /** One rule's contribution: {@code rule} is a stable key (e.g. {@code fit.region}), {@code detail} says what matched. */
    public record Line(String rule, int points, String detail) {
    }

    public static Score zero() {
        return new Score(0, List.of());
    }
}
