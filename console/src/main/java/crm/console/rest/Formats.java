package crm.console.rest;

import crm.console.config.ConsoleConfig;
import crm.console.service.Due;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * {@code fmt:} in templates: dates, money and numbers in the user's language and the console's time zone.
 * The API speaks ISO 8601 and plain numbers; people read "27.11.2026, 10:15" and "1.234,50 €".
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private Formats() {
    }

    public static String url(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    /** Date and time of an ISO 8601 instant; an unreadable value is shown as it came. */
    public static String when(Object iso, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (iso == null) {
            return "";
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(iso.toString());
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(localeOf(locale)).format(time.atZoneSameInstant(zone()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** The date of an ISO 8601 instant or date. */
    public static String day(Object iso, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (iso == null) {
            return "";
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(localeOf(locale));
        String text = iso.toString();
        try {
            return text.length() <= 10 ? format.format(LocalDate.parse(text))
                    : format.format(OffsetDateTime.parse(text).atZoneSameInstant(zone()));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    public static String money(Object amount, Object currency, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(localeFor(locale));
        try {
            format.setCurrency(Currency.getInstance(currency == null ? "EUR" : currency.toString()));
        } catch (IllegalArgumentException unknown) {
            format.setCurrency(Currency.getInstance("EUR"));
        }
        return format.format(value);
    }

    public static String number(Object value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        BigDecimal decimal = decimal(value);
        return decimal == null ? "" : NumberFormat.getNumberInstance(localeOf(locale)).format(decimal);
    }

    /** A ratio (0.42) as a percentage (42 %). */
    public static String percent(Object ratio, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        BigDecimal decimal = decimal(ratio);
        if (decimal == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(localeOf(locale));
        format.setMaximumFractionDigits(1);
        return format.format(decimal);
    }

    /** A new Idempotency-Key for a creating form (see IdempotencyKeys). */
    public static String freshKey() {
        return crm.console.service.IdempotencyKeys.fresh();
    }

    /** How a deadline stands now; null without one. */
    public static Due due(Object iso) {
        return Due.of(iso, Instant.now());
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Locale localeOf(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale.toString());
    }

    /** Currency formats need a country for the symbol's place; German users get Germany's, English the UK's. */
    private static Locale localeFor(Object locale) {
        return "de".equals(localeOf(locale).getLanguage()) ? Locale.GERMANY : Locale.UK;
    }

    private static ZoneId zone() {
        return Arc.container().instance(ConsoleConfig.class).get().timeZone();
    }
}
