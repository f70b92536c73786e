package crm.tickets.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags, categories and skills as they are stored and compared: trimmed, lower-case, inner whitespace as
 * one {@code -} ("Akku Defekt" becomes {@code akku-defekt}), so that a routing rule, a queue member's
 * skill and a ticket's category written by different people still meet.
 */
public final class Labels {

    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]*");

    private Labels() {
    }

    /** One label; {@link IllegalArgumentException} with the reason when it cannot be one. */
    public static String normalise(String label) {
        String value = label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH
                    + " letters, digits, spaces, '-', '_', '.' or ':', starting with a letter or digit");
        }
        return value;
    }

    /** {@code null} stays {@code null}: an optional label such as a category. */
    public static String normaliseOptional(String label) {
        return label == null || label.isBlank() ? null : normalise(label);
    }

    /** Normalises each label and drops repeats, keeping the first occurrence's position. */
    public static List<String> normalise(List<String> labels, int max) {
        if (labels == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String label : labels) {
            unique.add(normalise(label));
        }
        if (unique.size() > max) {
            throw new IllegalArgumentException("at most " + max + " different entries are allowed");
        }
        return new ArrayList<>(unique);
    }
}
