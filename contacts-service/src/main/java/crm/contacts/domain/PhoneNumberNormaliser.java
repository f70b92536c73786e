package crm.contacts.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns phone numbers as people type them into E.164 ({@code +4940123456}). International forms
 * ({@code +49 40 123456}, {@code 0049 40 123456}, {@code +49 (0)40 123456}) carry their country; national
 * forms ({@code 040 123456}) take the default country, normally that of the contact's address. No phone
 * library is available, so this knows the calling code and trunk prefix of the countries the franchise
 * systems operate in and checks only what E.164 demands of the rest (at most 15 digits).
 */
public final class PhoneNumberNormaliser {

    /** Calling code and national trunk prefix ({@code null}: none; the leading digit belongs to the number). */
    private record Country(String callingCode, String trunkPrefix) {
    }

    private static final Map<String, Country> COUNTRIES = Map.ofEntries(
            Map.entry("DE", new Country("49", "0")), Map.entry("AT", new Country("43", "0")),
            Map.entry("CH", new Country("41", "0")), Map.entry("NL", new Country("31", "0")),
            Map.entry("BE", new Country("32", "0")), Map.entry("FR", new Country("33", "0")),
            Map.entry("GB", new Country("44", "0")), Map.entry("IE", new Country("353", "0")),
            Map.entry("SE", new Country("46", "0")), Map.entry("FI", new Country("358", "0")),
            Map.entry("TR", new Country("90", "0")), Map.entry("LU", new Country("352", null)),
            Map.entry("IT", new Country("39", null)), Map.entry("ES", new Country("34", null)),
            Map.entry("PT", new Country("351", null)), Map.entry("PL", new Country("48", null)),
            Map.entry("DK", new Country("45", null)), Map.entry("NO", new Country("47", null)),
            Map.entry("CZ", new Country("420", null)), Map.entry("GR", new Country("30", null)),
            Map.entry("US", new Country("1", "1")), Map.entry("CA", new Country("1", "1")));

    /** Calling codes whose national numbers drop a trunk 0 when written internationally ("+49 (0)40"). */
    private static final Map<String, String> TRUNK_BY_CALLING_CODE = Map.ofEntries(
            Map.entry("49", "0"), Map.entry("43", "0"), Map.entry("41", "0"), Map.entry("31", "0"),
            Map.entry("32", "0"), Map.entry("33", "0"), Map.entry("44", "0"), Map.entry("353", "0"),
            Map.entry("46", "0"), Map.entry("358", "0"), Map.entry("90", "0"));

    private static final Pattern TYPED = Pattern.compile("\\+?[0-9 ()./\\-]+");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private PhoneNumberNormaliser() {
    }

    /** The message of every refusal: what was wrong and what is allowed. */
    public static final class InvalidPhoneNumber extends IllegalArgumentException {
        InvalidPhoneNumber(String message) {
            super(message);
        }
    }

    /**
     * @param typed          the number as entered
     * @param defaultCountry ISO 3166-1 alpha-2 code used for national forms; {@code null} means DE
     * @return the number in E.164
     * @throws InvalidPhoneNumber when it is not a phone number
     */
    public static String normalise(String typed, String defaultCountry) {
        String text = typed == null ? "" : typed.replace('\u00a0', ' ').strip();
        if (text.isEmpty() || !TYPED.matcher(text).matches() || text.indexOf('+', 1) >= 0) {
            throw new InvalidPhoneNumber("must be a phone number such as +49 40 123456 or 040 123456"
                    + " (digits, spaces, ( ) / - . and a leading + only)");
        }
        String digits = text.replaceAll("[^0-9]", "");
        boolean international = text.startsWith("+");
        if (!international && digits.startsWith("00")) {
            international = true;
            digits = digits.substring(2);
        }
        String e164 = international ? international(text, digits) : national(digits, defaultCountry);
        if (e164.length() < MIN_DIGITS || e164.length() > MAX_DIGITS) {
            throw new InvalidPhoneNumber("must have between " + MIN_DIGITS + " and " + MAX_DIGITS
                    + " digits including the country code");
        }
        return "+" + e164;
    }

    private static String international(String text, String digits) {
        if (digits.isEmpty() || digits.charAt(0) == '0') {
            throw new InvalidPhoneNumber("must start with a country code after + or 00, e.g. +49");
        }
        Optional<String> code = callingCodeOf(digits);
        if (code.isPresent() && "0".equals(TRUNK_BY_CALLING_CODE.get(code.get()))) {
            String rest = digits.substring(code.get().length());
            // "+49 (0)40 123456" and the common "+49 040 123456": the trunk 0 is not dialled from abroad.
            if (rest.startsWith("0")) {
                return code.get() + rest.substring(1);
            }
        } else if (text.contains("(0)")) {
            throw new InvalidPhoneNumber("must not contain (0) for this country code");
        }
        return digits;
    }

    private static String national(String digits, String defaultCountry) {
        String iso = defaultCountry == null ? "DE" : defaultCountry.toUpperCase(java.util.Locale.ROOT);
        Country country = COUNTRIES.get(iso);
        if (country == null) {
            throw new InvalidPhoneNumber("must be written internationally (e.g. +33 1 23456789): national"
                    + " numbers of " + iso + " are not recognised");
        }
        if ("1".equals(country.callingCode())) {
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1);
            }
            if (digits.length() != 10) {
                throw new InvalidPhoneNumber("must have 10 digits (area code and number) in " + iso);
            }
            return "1" + digits;
        }
        if (country.trunkPrefix() != null) {
            if (!digits.startsWith(country.trunkPrefix()) || digits.startsWith(country.trunkPrefix() + "0")) {
                throw new InvalidPhoneNumber("must include the area code with its leading 0 (e.g. 040 123456)"
                        + " or be written internationally (e.g. +49 40 123456)");
            }
            digits = digits.substring(country.trunkPrefix().length());
        }
        return country.callingCode() + digits;
    }

    /** Calling codes are prefix-free: the first 1 to 3 digits that are a known code are it. */
    private static Optional<String> callingCodeOf(String digits) {
        for (int length = 1; length <= 3 && length <= digits.length(); length++) {
            String candidate = digits.substring(0, length);
            if (TRUNK_BY_CALLING_CODE.containsKey(candidate)
                    || COUNTRIES.values().stream().anyMatch(c -> c.callingCode().equals(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
