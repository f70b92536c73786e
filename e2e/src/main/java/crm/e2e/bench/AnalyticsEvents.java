package crm.e2e.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A deterministic stream of CloudEvents as the services publish them (docs/events/README.md): contacts
 * created, purchases, leads captured, qualified and converted, opportunities won, products, tickets
 * opened, resolved and rated, spread over a few tenants, their units and 400 days. Event {@code i} is
 * always the same event, so the same stream can be sent to Kafka and copied into a raw table.
 */
final class AnalyticsEvents {

    /** One event: its topic, Kafka key (the subject) and the envelope as JSON, plus what the raw table keeps. */
    record Event(String topic, String key, String type, String tenant, String unit, Instant time, String json,
                 String data) {
    }

    static final int UNITS_PER_TENANT = 3;
    static final int PRODUCTS = 200;
    private static final int CYCLE = 20;
    private static final String[] CHANNELS = {"website", "cold_call", "direct_mail", "social_media", "trade_fair",
            "referral", "partner"};
    private static final String[] CATEGORIES = {"repair", "warranty", "delivery", "billing", "fitting", "question"};
    private static final String[] SIZES = {"1-9", "10-49", "50-249", "250-999", "1000+"};

    private final List<String> tenants;
    private final long total;
    private final Instant start;
    private final long spanSeconds = 400L * 24 * 3600;

    AnalyticsEvents(List<String> tenants, long total, Instant end) {
        this.tenants = List.copyOf(tenants);
        this.total = total;
        this.start = end.minus(400, ChronoUnit.DAYS);
    }

    long total() {
        return total;
    }

    /** The contact id that event stream gives the {@code n}-th contact of a tenant. */
    static String contactId(String tenant, long n) {
        return uuid("contact", tenant, n);
    }

    Event event(long i) {
        String tenant = tenants.get((int) (i % tenants.size()));
        long j = i / tenants.size();
        long cycle = j / CYCLE;
        int kind = (int) (j % CYCLE);
        String unit = tenant + "-u" + (1 + cycle % UNITS_PER_TENANT);
        Instant time = start.plusSeconds(spanSeconds * i / Math.max(1, total));
        // Each cycle creates one contact; the others refer to contacts created so far.
        long contact = kind == 0 ? cycle : Math.floorMod(mix(j), cycle + 1);
        String contactId = contactId(tenant, contact);
        String lead = uuid("lead", tenant, cycle);
        String ticket = uuid("ticket", tenant, cycle * 3);
        String sku = sku(mix(j + 7));
        return switch (kind) {
            case 0 -> event(i, "crm.contacts", "crm.contact.created.v1", "contacts-service", contactId, tenant, unit, time,
                    "{\"contactId\":\"" + contactId + "\",\"unitId\":\"" + unit + "\",\"firstName\":\"Kunde\",\"lastName\":\""
                            + contact + "\",\"email\":\"kunde" + contact + "@example.com\",\"lifecycleStage\":\"customer\","
                            + "\"companyId\":null,\"ownerId\":null,\"createdAt\":\"" + time + "\"}");
            case 1, 2, 3, 4, 5, 6, 7 -> purchase(i, j, tenant, unit, time, contactId);
            case 8, 9, 10 -> event(i, "crm.leads", "crm.lead.captured.v1", "leads-service", uuid("lead", tenant, cycle * 3 + kind - 8),
                    tenant, unit, time, "{\"leadId\":\"" + uuid("lead", tenant, cycle * 3 + kind - 8) + "\",\"channel\":\""
                            + CHANNELS[(int) Math.floorMod(mix(j), CHANNELS.length)] + "\",\"campaignId\":\""
                            + uuid("campaign", tenant, Math.floorMod(mix(j), 5)) + "\",\"formKey\":null,\"postalCode\":\""
                            + (10000 + Math.floorMod(mix(j), 89999)) + "\",\"countryCode\":\"DE\",\"companyName\":null,"
                            + "\"companySize\":\"" + SIZES[(int) Math.floorMod(mix(j + 1), SIZES.length)] + "\","
                            + "\"productsOfInterest\":[\"" + sku + "\"],\"contactId\":null,\"upsell\":false,\"score\":"
                            + Math.floorMod(mix(j), 100) + ",\"capturedAt\":\"" + time + "\"}");
            case 11, 12 -> {
                String to = kind == 11 ? "qualified" : "converted";
                yield event(i, "crm.leads", "crm.lead.status-changed.v1", "leads-service", lead, tenant, unit, time,
                        "{\"leadId\":\"" + lead + "\",\"contactId\":\"" + contactId + "\",\"from\":\""
                                + (kind == 11 ? "new" : "qualified") + "\",\"to\":\"" + to + "\",\"reason\":null,"
                                + "\"nurtureUntil\":null,\"firstContactAt\":\"" + time + "\",\"changedAt\":\"" + time
                                + "\",\"changedBy\":\"bench\"}");
            }
            case 13 -> {
                String opportunity = uuid("opportunity", tenant, cycle);
                String amount = money(500 + Math.floorMod(mix(j), 5000));
                yield event(i, "crm.leads", "crm.opportunity.won.v1", "leads-service", opportunity, tenant, unit, time,
                        "{\"opportunityId\":\"" + opportunity + "\",\"leadId\":\"" + lead + "\",\"contactId\":\""
                                + contactId + "\",\"companyId\":null,\"campaignId\":\"" + uuid("campaign", tenant,
                                Math.floorMod(mix(j), 5)) + "\",\"ownerId\":\"bench\",\"amount\":" + amount
                                + ",\"currency\":\"EUR\",\"wonAt\":\"" + time + "\",\"lines\":[{\"sku\":\"" + sku
                                + "\",\"quantity\":1,\"unitPrice\":" + amount + ",\"discountPercent\":0,\"lineTotal\":"
                                + amount + "}]}");
            }
            case 14, 15, 16 -> event(i, "crm.tickets", "crm.ticket.opened.v1", "tickets-service",
                    uuid("ticket", tenant, cycle * 3 + kind - 14), tenant, unit, time,
                    "{\"ticketId\":\"" + uuid("ticket", tenant, cycle * 3 + kind - 14) + "\",\"number\":" + cycle + ",\"contactId\":\"" + contactId
                            + "\",\"companyId\":null,\"subject\":\"Anfrage\",\"channel\":\"email\",\"category\":\""
                            + CATEGORIES[(int) Math.floorMod(mix(j), CATEGORIES.length)] + "\",\"priority\":\"normal\","
                            + "\"customerTier\":null,\"queueId\":\"" + uuid("queue", tenant, 1) + "\",\"queueName\":"
                            + "\"Service\",\"rule\":null,\"openedAt\":\"" + time + "\"}");
            case 17 -> event(i, "crm.tickets", "crm.ticket.resolved.v1", "tickets-service", ticket, tenant, unit, time,
                    "{\"ticketId\":\"" + ticket + "\",\"contactId\":\"" + contactId + "\",\"category\":\""
                            + CATEGORIES[(int) Math.floorMod(mix(j), CATEGORIES.length)] + "\",\"priority\":\"normal\","
                            + "\"queueId\":\"" + uuid("queue", tenant, 1) + "\",\"openedAt\":\"" + time.minusSeconds(86400)
                            + "\",\"firstResponseAt\":\"" + time.minusSeconds(80000) + "\",\"resolvedAt\":\"" + time
                            + "\",\"firstResponseBusinessMinutes\":" + Math.floorMod(mix(j), 240)
                            + ",\"resolutionBusinessMinutes\":" + Math.floorMod(mix(j + 3), 2400)
                            + ",\"firstResponseSlaMet\":" + (mix(j) % 5 != 0) + ",\"resolutionSlaMet\":"
                            + (mix(j + 1) % 4 != 0) + "}");
            case 18 -> event(i, "crm.tickets", "crm.ticket.rated.v1", "tickets-service", ticket, tenant, unit, time,
                    "{\"ticketId\":\"" + ticket + "\",\"contactId\":\"" + contactId + "\",\"rating\":"
                            + (1 + Math.floorMod(mix(j), 5)) + ",\"ratedAt\":\"" + time + "\"}");
            default -> {
                int product = (int) (cycle % PRODUCTS);
                yield event(i, "crm.leads", "crm.product.upserted.v1", "leads-service", uuid("product", tenant, product),
                        tenant, null, time, "{\"productId\":\"" + uuid("product", tenant, product) + "\",\"sku\":\""
                                + sku(product) + "\",\"name\":\"Produkt " + product + "\",\"category\":\""
                                + (product % 4 == 0 ? "service" : "bike") + "\",\"kind\":\""
                                + (product % 4 == 0 ? "service" : "product") + "\",\"listPrice\":" + price(product)
                                + ",\"currency\":\"EUR\",\"active\":true,\"updatedAt\":\"" + time + "\"}");
            }
        };
    }

    private Event purchase(long i, long j, String tenant, String unit, Instant time, String contactId) {
        String purchaseId = uuid("purchase", tenant, j);
        int lines = 1 + (int) Math.floorMod(mix(j), 3);
        StringBuilder linesJson = new StringBuilder("[");
        long total = 0;
        for (int l = 0; l < lines; l++) {
            int product = (int) Math.floorMod(mix(j * 3 + l) % 1000 < 700 ? mix(j + l) % 20 : mix(j + l), PRODUCTS);
            int quantity = 1 + (int) Math.floorMod(mix(j + l + 11), 3);
            long unitPrice = priceCents(product);
            total += unitPrice * quantity;
            linesJson.append(l == 0 ? "" : ",").append("{\"sku\":\"").append(sku(product)).append("\",\"quantity\":")
                    .append(quantity).append(",\"unitPrice\":").append(cents(unitPrice)).append(",\"lineTotal\":")
                    .append(cents(unitPrice * quantity)).append('}');
        }
        linesJson.append(']');
        return event(i, "crm.contacts", "crm.purchase.recorded.v1", "contacts-service", contactId, tenant, unit, time,
                "{\"purchaseId\":\"" + purchaseId + "\",\"contactId\":\"" + contactId + "\",\"externalOrderId\":\"B-"
                        + i + "\",\"purchasedAt\":\"" + time + "\",\"channel\":\"" + (j % 2 == 0 ? "online" : "in_store")
                        + "\",\"currency\":\"EUR\",\"total\":" + cents(total) + ",\"lines\":" + linesJson + "}");
    }

    private Event event(long i, String topic, String type, String service, String subject, String tenant, String unit,
                        Instant time, String data) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.nameUUIDFromBytes(("event:" + tenant + ":" + i)
                .getBytes(StandardCharsets.UTF_8)) + "\",\"source\":\"/crm/" + service + "\",\"type\":\"" + type
                + "\",\"subject\":\"" + subject + "\",\"time\":\"" + time + "\",\"datacontenttype\":\"application/json\","
                + "\"tenantid\":\"" + tenant + "\"" + (unit == null ? "" : ",\"unitid\":\"" + unit + "\"")
                + ",\"data\":" + data + "}";
        return new Event(topic, subject, type, tenant, unit, time, json, data);
    }

    static String sku(long product) {
        return String.format(Locale.ROOT, "SKU-%04d", Math.floorMod(product, PRODUCTS));
    }

    private static long priceCents(int product) {
        return 1_990 + (product * 7_919L) % 250_000;
    }

    private static String price(int product) {
        return cents(priceCents(product));
    }

    private static String money(long euros) {
        return euros + ".00";
    }

    private static String cents(long cents) {
        return (cents / 100) + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    private static String uuid(String kind, String tenant, long n) {
        return UUID.nameUUIDFromBytes((kind + ":" + tenant + ":" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A cheap, stable scramble of an index (splitmix64's finaliser), non-negative. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
