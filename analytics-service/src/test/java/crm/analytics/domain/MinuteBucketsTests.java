package crm.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinuteBucketsTests {

    @Test
    void shouldKeepDurationsBelowTwoHoursExactly() {
        assertThat(MinuteBuckets.of(0)).isZero();
        assertThat(MinuteBuckets.of(45)).isEqualTo(45);
        assertThat(MinuteBuckets.of(127)).isEqualTo(127);
    }

    @Test
    void shouldRoundLongerDurationsDownToSixtyFourBucketsPerDoubling() {
        // 128..255 in steps of 2, 1024..2047 in steps of 16, 4096..8191 in steps of 64.
        assertThat(MinuteBuckets.of(128)).isEqualTo(128);
        assertThat(MinuteBuckets.of(129)).isEqualTo(128);
        assertThat(MinuteBuckets.of(255)).isEqualTo(254);
        assertThat(MinuteBuckets.of(1440)).isEqualTo(1440);
        assertThat(MinuteBuckets.of(1455)).isEqualTo(1440);
        assertThat(MinuteBuckets.of(4327)).isEqualTo(4288);
        assertThat(MinuteBuckets.of(Integer.MAX_VALUE)).isEqualTo(127 << 24);
    }

    @Test
    void shouldStayWithinOneSixtyFourthBelowEveryDuration() {
        for (int minutes = 1; minutes < 1 << 20; minutes += 7) {
            int bucket = MinuteBuckets.of(minutes);
            assertThat(bucket).isLessThanOrEqualTo(minutes);
            assertThat((minutes - bucket) * 64L).isLessThan(minutes);
            assertThat(MinuteBuckets.of(bucket)).isEqualTo(bucket);
        }
    }

    @Test
    void shouldCountANegativeDurationAsNone() {
        assertThat(MinuteBuckets.of(-5)).isZero();
    }
}
