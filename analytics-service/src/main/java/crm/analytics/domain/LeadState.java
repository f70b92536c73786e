package crm.analytics.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What analytics knows of a lead. Stage flags record that a lead ever reached a stage: the funnel is
 * monotone, so qualifying implies contact and converting implies both. A lead counts in the funnel only
 * once its capture is known ({@code captured}).
 */
public record LeadState(UUID leadId, String unitId, boolean captured, OffsetDateTime capturedAt, String channel,
                        UUID campaignId, String formKey, String postalCode, String countryCode, String companyName,
                        String companySize, List<String> productsOfInterest, String status, boolean contacted,
                        boolean qualified, boolean converted, boolean disqualified, boolean nurtured,
                        boolean slaBreached, OffsetDateTime firstContactAt, OffsetDateTime convertedAt,
                        UUID contactId, UUID convertedContactId) {

    public static final String UNKNOWN_CHANNEL = "unknown";

    public LeadState {
        productsOfInterest = productsOfInterest == null ? List.of() : List.copyOf(productsOfInterest);
        status = status == null ? "new" : status;
    }

    public static LeadState unknown(UUID leadId) {
        return new LeadState(leadId, null, false, null, null, null, null, null, null, null, null, List.of(), "new",
                false, false, false, false, false, false, null, null, null, null);
    }

    /** The funnel cell this lead counts in, or null before its capture is known. */
    public FunnelKey funnelKey() {
        if (!captured || capturedAt == null) {
            return null;
        }
        return new FunnelKey(unitId, CalendarPeriod.MONTH.startOf(capturedAt),
                channel == null ? UNKNOWN_CHANNEL : channel, campaignId == null ? "" : campaignId.toString());
    }

    /** captured, contacted, qualified, converted, disqualified, nurtured, SLA breached: each 0 or 1. */
    public int[] funnelCounts() {
        return new int[] {1, bit(contacted), bit(qualified), bit(converted), bit(disqualified), bit(nurtured),
                bit(slaBreached)};
    }

    /** Whole minutes from capture to first contact (never negative); null before the first contact. */
    public Integer speedToLeadMinutes() {
        if (capturedAt == null || firstContactAt == null) {
            return null;
        }
        long minutes = Duration.between(capturedAt, firstContactAt).toMinutes();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, minutes));
    }

    /** A funnel cell: unit (null = none), cohort month, channel and campaign ('' = none). */
    public record FunnelKey(String unitId, LocalDate month, String channel, String campaignKey) {
    }

    private static int bit(boolean value) {
        return value ? 1 : 0;
    }

    public LeadState withUnit(String unit) {
        return new LeadState(leadId, unit, captured, capturedAt, channel, campaignId, formKey, postalCode, countryCode,
                companyName, companySize, productsOfInterest, status, contacted, qualified, converted, disqualified,
                nurtured, slaBreached, firstContactAt, convertedAt, contactId, convertedContactId);
    }

    public LeadState withCapture(String unit, OffsetDateTime at, String newChannel, UUID campaign, String form,
                                 String postal, String country, String company, String size, List<String> products,
                                 UUID contact) {
        return new LeadState(leadId, unit, true, at, newChannel, campaign, form, postal, country, company, size, products,
                status, contacted, qualified, converted, disqualified, nurtured, slaBreached, firstContactAt,
                convertedAt, contact != null ? contact : contactId, convertedContactId);
    }

    /** A status change: the new status, the stages it implies, and the first contact time once known. */
    public LeadState withStatus(String to, OffsetDateTime firstContact, OffsetDateTime changedAt, UUID contact) {
        boolean isConverted = "converted".equals(to);
        boolean isQualified = isConverted || "qualified".equals(to);
        boolean isContacted = isQualified || "contacted".equals(to);
        OffsetDateTime contactTime = firstContactAt != null ? firstContactAt
                : firstContact != null ? firstContact : isContacted ? changedAt : null;
        return new LeadState(leadId, unitId, captured, capturedAt, channel, campaignId, formKey, postalCode,
                countryCode, companyName, companySize, productsOfInterest, to, contacted || isContacted,
                qualified || isQualified, converted || isConverted, disqualified || "disqualified".equals(to),
                nurtured || "nurture".equals(to), slaBreached, contactTime,
                convertedAt == null && isConverted ? changedAt : convertedAt, contact != null ? contact : contactId,
                convertedContactId);
    }

    public LeadState withSlaBreach() {
        return new LeadState(leadId, unitId, captured, capturedAt, channel, campaignId, formKey, postalCode, countryCode,
                companyName, companySize, productsOfInterest, status, contacted, qualified, converted, disqualified,
                nurtured, true, firstContactAt, convertedAt, contactId, convertedContactId);
    }

    /** The conversion: the lead became (or was matched to) a contact, possibly with the campaign it came from. */
    public LeadState withConversion(String unit, OffsetDateTime at, UUID contact, UUID campaign, String fallbackChannel) {
        return new LeadState(leadId, unit != null ? unit : unitId, captured, capturedAt,
                channel != null ? channel : fallbackChannel, campaignId != null ? campaignId : campaign, formKey,
                postalCode, countryCode, companyName, companySize, productsOfInterest, "converted", true, true, true,
                disqualified, nurtured, slaBreached, firstContactAt, convertedAt != null ? convertedAt : at, contactId,
                contact != null ? contact : convertedContactId);
    }

    public LeadState withConvertedContact(UUID contact) {
        return new LeadState(leadId, unitId, captured, capturedAt, channel, campaignId, formKey, postalCode, countryCode,
                companyName, companySize, productsOfInterest, status, contacted, qualified, converted, disqualified,
                nurtured, slaBreached, firstContactAt, convertedAt, contactId, contact);
    }

    /** The contact this lead turned into, once known. */
    public UUID customerId() {
        return convertedContactId != null ? convertedContactId : converted ? contactId : null;
    }
}
