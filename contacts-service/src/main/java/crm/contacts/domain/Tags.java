package crm.contacts.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags as they are stored and filtered: trimmed, lower-case, inner whitespace as one {@code -}
 * ("VIP Kunde" becomes {@code vip-kunde}), duplicates removed, at most {@value #MAX_TAGS}.
 */
public final class Tags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*");

    private Tags() {
    }

    /** One tag; {@link IllegalArgumentException} with the reason when it cannot be a tag. */
    public static String normalise(String tag) {
        String value = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH
                    + " letters, digits, spaces, '-', '_' or '.', starting with a letter or digit");
        }
        return value;
    }

    /** Normalises each tag; the index of the first invalid one is in the exception's message prefix. */
    public static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            unique.add(normalise(tag));
        }
        if (unique.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " different tags are allowed");
        }
        return new ArrayList<>(unique);
    }
}
