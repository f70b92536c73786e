package crm.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTests {

    @Test
    void shouldTakeTheNearestRankPercentile() {
        Histogram minutes = new Histogram().add(10, 1).add(20, 1).add(30, 1).add(40, 1).add(50, 1);

        // p50: rank ceil(0.5 x 5) = 3; p90: rank ceil(0.9 x 5) = 5.
        assertThat(minutes.percentile(0.5)).isEqualTo(30);
        assertThat(minutes.percentile(0.9)).isEqualTo(50);
    }

    @Test
    void shouldCountRepeatedValuesAndTakeTheLowerMiddleOfAnEvenCount() {
        Histogram minutes = new Histogram().add(5, 2).add(7, 0).add(9, 2);

        assertThat(minutes.total()).isEqualTo(4);
        assertThat(minutes.percentile(0.5)).isEqualTo(5);
        assertThat(minutes.percentile(0.9)).isEqualTo(9);
    }

    @Test
    void shouldHaveNoPercentileWithoutObservations() {
        assertThat(new Histogram().percentile(0.5)).isNull();
    }
}
