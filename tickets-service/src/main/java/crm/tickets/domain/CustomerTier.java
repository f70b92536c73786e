package crm.tickets.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's service tier as the franchise system marks it on the contact in contacts-service: a tag
 * {@code tier:gold} (or {@code tier-gold}, {@code tier_gold}, {@code tier.gold}, for tag rules that do not
 * allow a colon). Routing rules and SLA policies may depend on it.
 */
public final class CustomerTier {

    private static final Pattern TIER_TAG = Pattern.compile("tier[:_.-]([\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,29})");

    private CustomerTier() {
    }

    /** The tier named by the first tier tag, or {@code null} when no tag names one. */
    public static String fromTags(List<String> tags) {
        if (tags == null) {
            return null;
        }
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            Matcher m = TIER_TAG.matcher(tag.strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }
}
