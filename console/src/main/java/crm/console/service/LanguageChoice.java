package crm.console.service;

import java.util.List;
import java.util.Locale;

/**
 * The console speaks English and German. The user's own choice (a cookie set by the language switch)
 * wins; otherwise the browser's Accept-Language decides; otherwise English.
 */
public final class LanguageChoice {

    public static final String COOKIE = "crm_lang";
    public static final List<String> SUPPORTED = List.of("en", "de");

    private LanguageChoice() {
    }

    public static Locale choose(String cookie, String acceptLanguage) {
        if (cookie != null && SUPPORTED.contains(cookie)) {
            return Locale.forLanguageTag(cookie);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String best = Locale.lookupTag(ranges, SUPPORTED);
                if (best != null) {
                    return Locale.forLanguageTag(best);
                }
            } catch (IllegalArgumentException malformed) {
                // A header the browser did not write well: fall back to English.
            }
        }
        return Locale.ENGLISH;
    }

    /** Whether a language tag is one the console offers. */
    public static boolean supported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }
}
