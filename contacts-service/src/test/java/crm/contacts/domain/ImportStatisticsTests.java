package crm.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportStatisticsTests {

    @Test
    void shouldRefreshAfterTheFirstRowsAndAtEveryDoubling() {
        List<Long> refreshedAfter = new ArrayList<>();
        long created = 0;
        for (int batch = 0; batch < 500; batch++) {
            long before = created;
            created += 2_000;
            if (ImportStatistics.refreshDue(before, created)) {
                refreshedAfter.add(created);
            }
        }

        // A million rows in batches of 2,000: once each 5,000, 10,000, 20,000 ... 640,000 rows are passed.
        assertThat(refreshedAfter).containsExactly(6_000L, 10_000L, 20_000L, 40_000L, 80_000L, 160_000L,
                320_000L, 640_000L);
    }

    @Test
    void shouldNotRefreshForSmallImportsOrBatchesThatCreateNothing() {
        assertThat(ImportStatistics.refreshDue(0, 4_999)).isFalse();
        assertThat(ImportStatistics.refreshDue(6_000, 6_000)).isFalse();
        assertThat(ImportStatistics.refreshDue(6_000, 9_999)).isFalse();
        assertThat(ImportStatistics.refreshDue(0, 5_000)).isTrue();
    }
}
