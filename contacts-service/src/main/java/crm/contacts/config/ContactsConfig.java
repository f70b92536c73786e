package crm.contacts.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/** Settings of contacts-service's contact core: duplicates, CSV import and export, request body limits. */
@ConfigMapping(prefix = "crm.contacts")
public interface ContactsConfig {

    Duplicates duplicates();

    /** {@code crm.contacts.import.*} ({@code import} is a Java keyword, hence the method name). */
    @WithName("import")
    Import importing();

    Export export();

    Http http();

    interface Duplicates {
        /** How many likely duplicates a 409 answer lists at most. */
        @WithDefault("10")
        int maxCandidates();
    }

    /** CSV import jobs. */
    interface Import {
        /** Rows written per transaction: one lookup, one insert, one update and one outbox statement each. */
        @WithDefault("2000")
        int batchSize();

        /** Per-row errors kept per job; failures beyond this are counted but not listed. */
        @WithDefault("10000")
        int maxStoredErrors();

        /** The largest CSV body an import accepts. */
        @WithDefault("1G")
        MemorySize maxBodySize();

        /** Country of addresses and national phone numbers in rows that name none (ISO 3166-1 alpha-2). */
        @WithDefault("DE")
        String defaultCountry();
    }

    interface Export {
        /** Contacts read per query while a CSV export streams. */
        @WithDefault("500")
        int pageSize();
    }

    interface Http {
        /**
         * The largest request body of every path except {@link #bulkPaths()}; quarkus.http.limits.max-body-size
         * must be at least the largest bulk limit, since Quarkus checks it first.
         */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** Paths (exact, POST) that accept bodies up to crm.contacts.import.max-body-size. */
        @WithDefault("/api/v1/contacts/imports")
        List<String> bulkPaths();
    }
}
