package crm.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiPathTests {

    @Test
    void shouldEncodeIdsAsOneSegmentSoTheyCannotLeaveTheirResource() {
        assertThat(ApiPath.of("/api/v1/contacts", "../tickets", "timeline").toString())
                .isEqualTo("/api/v1/contacts/..%2Ftickets/timeline");
        assertThat(ApiPath.of("/api/v1/contacts", "..").toString()).isEqualTo("/api/v1/contacts/%2E%2E");
        assertThat(ApiPath.of("/api/v1/contacts", "a b?c=d").toString()).isEqualTo("/api/v1/contacts/a%20b%3Fc%3Dd");
    }

    @Test
    void shouldLeaveOutBlankFiltersAndRepeatListedOnes() {
        assertThat(ApiPath.of("/api/v1/contacts").param("q", "Jürgen M").param("stage", " ").param("tag", null)
                .param("tag", List.of("vip", "e-bike")).param("limit", 25).toString())
                .isEqualTo("/api/v1/contacts?q=J%C3%BCrgen%20M&tag=vip&tag=e-bike&limit=25");
    }
}
