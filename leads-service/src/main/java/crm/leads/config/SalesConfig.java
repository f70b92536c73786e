package crm.leads.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the sales side of leads-service: opportunities, forecast, catalogue and campaigns. */
@ConfigMapping(prefix = "crm.sales")
public interface SalesConfig {

    /** The ISO 4217 currency of amounts, prices and budgets sent without one. */
    @WithDefault("EUR")
    String defaultCurrency();

    /** Days from today to the expected close of an opportunity opened from a lead without a date. */
    @WithDefault("90")
    int defaultCloseDays();

    /** The longest range of months one forecast may cover. */
    @WithDefault("36")
    int forecastMaxMonths();
}
