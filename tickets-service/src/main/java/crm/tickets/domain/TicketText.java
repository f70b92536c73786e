package crm.tickets.domain;

import java.util.Locale;

/** Free text reduced to its words for matching: lower case, separated by single spaces, padded by one. */
public final class TicketText {

    private TicketText() {
    }

    /** {@code "Akku lädt nicht!"} becomes {@code " akku lädt nicht "}. */
    public static String words(String text) {
        if (text == null) {
            return " ";
        }
        String joined = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return " " + joined + " ";
    }
}
