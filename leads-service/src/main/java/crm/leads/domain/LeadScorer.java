package crm.leads.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores a lead from its facts and the tenant's rules, explaining every point. The result is bounded to
 * 0..100 so that scores of different tenants and rule sets read alike; when the bound cuts, a line says so
 * and the explanation still adds up.
 */
public final class LeadScorer {

    public static final int MIN = 0;
    public static final int MAX = 100;

    private LeadScorer() {
    }

    public static Score score(ScoringRules rules, ScoringFacts facts, Instant now) {
        List<Score.Line> lines = new ArrayList<>();
        region(rules.fit(), facts.postalCode()).ifPresent(lines::add);
        companySize(rules.fit(), facts.companySize()).ifPresent(lines::add);
        products(rules.fit(), facts.productsOfInterest()).ifPresent(lines::add);
        ScoringRules.Engagement engagement = rules.engagement();
        counted("engagement.conversations", facts.conversations(), engagement.pointsPerActivity(),
                engagement.maxActivityPoints(), "conversation").ifPresent(lines::add);
        counted("engagement.formFills", facts.formFills(), engagement.pointsPerFormFill(),
                engagement.maxFormFillPoints(), "form fill").ifPresent(lines::add);
        recency(engagement, facts.lastEngagedAt(), now).ifPresent(lines::add);

        int sum = lines.stream().mapToInt(Score.Line::points).sum();
        int bounded = Math.max(MIN, Math.min(MAX, sum));
        if (bounded != sum) {
            lines.add(new Score.Line("bound", bounded - sum, "scores are bounded to " + MIN + ".." + MAX));
        }
        return new Score(bounded, lines);
    }

    /** The recency points at {@code now}: full at the engagement, halved every half-life after it. */
    public static int recencyPoints(ScoringRules.Engagement engagement, Instant lastEngagedAt, Instant now) {
        if (lastEngagedAt == null || engagement.recencyPoints() == 0) {
            return 0;
        }
        Duration age = Duration.between(lastEngagedAt, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        double halfLives = age.toMinutes() / (double) Duration.ofDays(engagement.halfLifeDays()).toMinutes();
        return (int) Math.round(engagement.recencyPoints() * Math.pow(0.5, halfLives));
    }

    private static Optional<Score.Line> region(ScoringRules.Fit fit, String postalCode) {
        if (postalCode == null || postalCode.isBlank()) {
            return Optional.empty();
        }
        String code = postalCode.strip().toUpperCase(Locale.ROOT);
        ScoringRules.RegionRule best = null;
        int bestLength = 0;
        for (ScoringRules.RegionRule region : fit.regions()) {
            for (String prefix : region.postalCodePrefixes()) {
                String p = prefix.toUpperCase(Locale.ROOT);
                if (code.startsWith(p) && p.length() > bestLength) {
                    best = region;
                    bestLength = p.length();
                }
            }
        }
        return best == null || best.points() == 0 ? Optional.empty()
                : Optional.of(new Score.Line("fit.region", best.points(), best.name() + " (postal code " + code + ")"));
    }

    private static Optional<Score.Line> companySize(ScoringRules.Fit fit, CompanySize size) {
        if (size == null) {
            return Optional.empty();
        }
        return fit.companySizes().stream().filter(r -> r.size() == size && r.points() != 0).findFirst()
                .map(r -> new Score.Line("fit.companySize", r.points(), "company size " + size.value()));
    }

    /** Each product of interest counts once; positive points together are capped, negative ones are not. */
    private static Optional<Score.Line> products(ScoringRules.Fit fit, List<String> skus) {
        int positive = 0;
        int negative = 0;
        List<String> matched = new ArrayList<>();
        for (String sku : new LinkedHashSet<>(skus.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList())) {
            Optional<ScoringRules.ProductRule> rule = fit.products().stream()
                    .filter(r -> r.sku().equalsIgnoreCase(sku)).max(Comparator.comparingInt(ScoringRules.ProductRule::points));
            if (rule.isPresent() && rule.get().points() != 0) {
                matched.add(rule.get().sku());
                if (rule.get().points() > 0) {
                    positive += rule.get().points();
                } else {
                    negative += rule.get().points();
                }
            }
        }
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        int capped = Math.min(positive, fit.maxProductPoints());
        String detail = "products of interest " + String.join(", ", matched)
                + (capped < positive ? " (capped at " + fit.maxProductPoints() + ")" : "");
        int points = capped + negative;
        return points == 0 ? Optional.empty() : Optional.of(new Score.Line("fit.products", points, detail));
    }

    private static Optional<Score.Line> counted(String rule, int count, int each, int max, String what) {
        if (count <= 0 || each == 0) {
            return Optional.empty();
        }
        int points = Math.min(count * each, max);
        return points == 0 ? Optional.empty()
                : Optional.of(new Score.Line(rule, points, count + " " + what + (count == 1 ? "" : "s")));
    }

    private static Optional<Score.Line> recency(ScoringRules.Engagement engagement, Instant last, Instant now) {
        int points = recencyPoints(engagement, last, now);
        if (points == 0) {
            return Optional.empty();
        }
        long days = Math.max(0, Duration.between(last, now).toDays());
        return Optional.of(new Score.Line("engagement.recency", points, "last engaged " + days + " day"
                + (days == 1 ? "" : "s") + " ago (half-life " + engagement.halfLifeDays() + " days)"));
    }
}
