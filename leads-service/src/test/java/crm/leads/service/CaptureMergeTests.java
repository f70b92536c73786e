package crm.leads.service;

import static org.assertj.core.api.Assertions.assertThat;

import crm.leads.domain.CompanySize;
import crm.leads.domain.LeadDetails;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an attached capture adds to the open lead it matched. */
class CaptureMergeTests {

    @Test
    void shouldFillBlanksKeepWhatIsKnownAndAddProducts() {
        UUID firstCampaign = UUID.randomUUID();
        LeadDetails kept = new LeadDetails(null, "Jana", "Schulz", "jana@example.com", null, null, null, null, "20095",
                null, "DE", List.of("EB-1"), firstCampaign, "fair", null);
        LeadDetails added = new LeadDetails(null, "Johanna", "Schulz", "jana@example.com", "+4940123456", "Velo GmbH",
                null, CompanySize.SMALL, "22767", "Hamburg", "DE", List.of("EB-2", "EB-1"), UUID.randomUUID(), null,
                "Call me");

        LeadDetails merged = LeadCapture.merge(kept, added);

        assertThat(merged.firstName()).isEqualTo("Jana");
        assertThat(merged.phone()).isEqualTo("+4940123456");
        assertThat(merged.companyName()).isEqualTo("Velo GmbH");
        assertThat(merged.companySize()).isEqualTo(CompanySize.SMALL);
        assertThat(merged.postalCode()).isEqualTo("20095");
        assertThat(merged.productsOfInterest()).containsExactly("EB-1", "EB-2");
        assertThat(merged.campaignId()).isEqualTo(firstCampaign);
        assertThat(merged.message()).isEqualTo("Call me");
    }
}
