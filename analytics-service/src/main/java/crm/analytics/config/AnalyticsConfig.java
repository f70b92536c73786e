package crm.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Settings of the analytics read model and its reports. */
@ConfigMapping(prefix = "crm.analytics")
public interface AnalyticsConfig {

    /** ISO 4217 code every money figure is reported in; amounts in it are taken as they are. */
    @WithDefault("EUR")
    String reportingCurrency();

    /**
     * Units of the reporting currency per unit of another currency, e.g. {@code CHF=1.06}. An amount in a
     * currency without a rate counts 0 in revenue figures (units sold still count).
     */
    Map<String, BigDecimal> exchangeRates();

    Scoring scoring();

    Baskets baskets();

    Lag lag();

    interface Scoring {
        /** How often the scorer looks for tenants with new data (RFM, segment sizes, lookalike scores). */
        @WithDefault("30s")
        Duration interval();

        /**
         * The largest share of time scoring may take: after a round that took d, the next waits at least
         * d * (1 / share - 1). A round re-ranks whole customer bases, so while a large backlog is ingested
         * rounds grow long, and back to back they would take the cores the ingestion needs.
         */
        @WithDefault("0.25")
        double maxShareOfTime();

        /** Years a customer is expected to stay: the last factor of the CLV estimate. */
        @WithDefault("3")
        BigDecimal expectedLifetimeYears();

        /** How many of the tenant's highest-revenue customers form the lookalike profile. */
        @WithDefault("50")
        int referenceCustomers();

        /**
         * How many open leads are scored per transaction. Ingestion waits for a lead the scorer has updated
         * until the scorer's transaction ends, so this bounds that wait, however many leads a tenant has.
         */
        @WithDefault("5000")
        int leadsPerTransaction();
    }

    interface Baskets {
        /** Baskets with more distinct SKUs count as baskets and items but add no pairs (pairs grow quadratically). */
        @WithDefault("40")
        int maxPairedItems();
    }

    interface Lag {
        /** How often consumer lag is read from the broker (end offsets against the group's committed offsets). */
        @WithDefault("15s")
        Duration refresh();

        /** The consumer group whose lag is reported. */
        @WithDefault("analytics-service")
        String consumerGroup();
    }
}
