package crm.leads.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the territory of a postal code. When several territories claim a code, the most specific one
 * wins: the one covering the fewest postal codes (a prefix of length p covers 10^(n-p) codes of length n,
 * a range its width). On a tie the territory listed first wins, so HQ controls the order.
 */
public final class TerritoryMatcher {

    private static final BigInteger UNKNOWN_WIDTH = BigInteger.TEN.pow(30);

    private TerritoryMatcher() {
    }

    /** The territory, and how it matched, phrased for the routing reason. */
    public record Match(Territories.Territory territory, String rule) {
    }

    public static Optional<Match> match(Territories territories, String postalCode) {
        if (postalCode == null || postalCode.isBlank()) {
            return Optional.empty();
        }
        String code = normalise(postalCode);
        Match best = null;
        BigInteger bestWidth = null;
        for (Territories.Territory territory : territories.territories()) {
            for (Candidate candidate : candidates(territory, code)) {
                if (bestWidth == null || candidate.width().compareTo(bestWidth) < 0) {
                    best = new Match(territory, candidate.rule());
                    bestWidth = candidate.width();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Upper case without spaces: "sw1a 1aa" and "SW1A1AA" are one code. */
    public static String normalise(String postalCode) {
        return postalCode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Whether {@code code} lies in the range: same length as its ends, and between them (for digits, numerically). */
    public static boolean inRange(Territories.PostalCodeRange range, String code) {
        String from = normalise(range.from());
        String to = normalise(range.to());
        return code.length() == from.length() && code.length() == to.length()
                && code.compareTo(from) >= 0 && code.compareTo(to) <= 0;
    }

    private record Candidate(BigInteger width, String rule) {
    }

    private static List<Candidate> candidates(Territories.Territory territory, String code) {
        List<Candidate> found = new ArrayList<>();
        for (String prefix : territory.postalCodePrefixes()) {
            String p = normalise(prefix);
            if (code.startsWith(p)) {
                found.add(new Candidate(BigInteger.TEN.pow(code.length() - p.length()), "postal code prefix " + p));
            }
        }
        for (Territories.PostalCodeRange range : territory.ranges()) {
            if (inRange(range, code)) {
                found.add(new Candidate(width(range), "postal code range " + normalise(range.from()) + "-"
                        + normalise(range.to())));
            }
        }
        return found;
    }

    private static BigInteger width(Territories.PostalCodeRange range) {
        String from = normalise(range.from());
        String to = normalise(range.to());
        if (from.chars().allMatch(Character::isDigit) && to.chars().allMatch(Character::isDigit)) {
            return new BigInteger(to).subtract(new BigInteger(from)).add(BigInteger.ONE);
        }
        return UNKNOWN_WIDTH;
    }
}
