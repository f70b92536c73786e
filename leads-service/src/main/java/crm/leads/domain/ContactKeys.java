package crm.leads.domain;

import java.util.Locale;

/**
 * The normalised forms under which captures, open leads and known contacts are matched: an e-mail address
 * in lower case, a phone number as its E.164 digits. A capture typed "040 123456" in Hamburg and a contact
 * stored as "+4940123456" meet under the same key.
 */
public final class ContactKeys {

    private static final String DEFAULT_CALLING_CODE = "49";
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private ContactKeys() {
    }

    /** {@code null} for a blank address. */
    public static String email(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The digits of the number in E.164 without the plus, or {@code null} when it cannot be a phone number.
     * National forms take the calling code of {@code countryCode} (DE when unknown); this matches and does
     * not validate, so unknown countries simply fall back to the default.
     */
    public static String phone(String typed, String countryCode) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        String digits = text.replaceAll("[^0-9]", "");
        String international;
        if (text.startsWith("+")) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else if (digits.startsWith("0")) {
            international = callingCode(countryCode) + digits.substring(1);
        } else if (withoutTrunkPrefix(countryCode)) {
            international = callingCode(countryCode) + digits;
        } else {
            // Where numbers are dialled with a leading 0, a number without one lacks its area code.
            return null;
        }
        // "+49 (0)40 ..." and the common "+49 040 ...": the trunk 0 is not part of the international number.
        if (international.startsWith("490") || international.startsWith("430") || international.startsWith("410")) {
            international = international.substring(0, 2) + international.substring(3);
        }
        if (international.length() < MIN_DIGITS || international.length() > MAX_DIGITS) {
            return null;
        }
        return international;
    }

    private static boolean withoutTrunkPrefix(String countryCode) {
        return countryCode != null && java.util.Set.of("LU", "DK", "PL").contains(countryCode.toUpperCase(Locale.ROOT));
    }

    private static String callingCode(String countryCode) {
        if (countryCode == null) {
            return DEFAULT_CALLING_CODE;
        }
        return switch (countryCode.toUpperCase(Locale.ROOT)) {
            case "AT" -> "43";
            case "CH" -> "41";
            case "NL" -> "31";
            case "BE" -> "32";
            case "FR" -> "33";
            case "LU" -> "352";
            case "DK" -> "45";
            case "PL" -> "48";
            case "GB" -> "44";
            default -> DEFAULT_CALLING_CODE;
        };
    }
}
