package crm.analytics.service;

import crm.analytics.events.AnalyticsEvents;
import crm.analytics.repository.ContactRepository;
import crm.analytics.repository.CustomerReportRepository;
import crm.analytics.repository.LeadRepository;
import crm.analytics.repository.SalesRepository;
import crm.analytics.repository.TicketRepository;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Everything the read model holds about a person (GDPR Art. 15/20), as this service's part of the
 * export the gateway composes: profile, consents, value figures, products bought, orders, leads, tickets
 * and the erasures applied. Field names are the API's (camelCase).
 */
@ApplicationScoped
public class PersonalDataExport {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ContactRepository contacts;
    private final CustomerReportRepository customers;
    private final SalesRepository sales;
    private final LeadRepository leads;
    private final TicketRepository tickets;

    public PersonalDataExport(TenantScope scope, CurrentTenant currentTenant, ContactRepository contacts,
                              CustomerReportRepository customers, SalesRepository sales, LeadRepository leads,
                              TicketRepository tickets) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.contacts = contacts;
        this.customers = customers;
        this.sales = sales;
        this.leads = leads;
        this.tickets = tickets;
    }

    /**
     * 404 when nothing is held about the contact in the caller's scope. Consents and erasure records are
     * kept per tenant, not per unit: they alone make a person visible to HQ staff only.
     */
    public Uni<Map<String, Object>> export(UUID contactId) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> Uni.combine().all().unis(List.of(
                        contacts.profile(tx, contactId), contacts.consents(tx, contactId),
                        customers.valuesOf(tx, contactId), customers.productsOf(tx, contactId),
                        sales.ordersOf(tx, contactId), leads.leadsOf(tx, contactId), tickets.ticketsOf(tx, contactId),
                        contacts.erasures(tx, contactId))).with(RowSet.class, parts -> parts))
                .map(parts -> {
                    @SuppressWarnings("unchecked")
                    List<RowSet<Row>> rows = (List<RowSet<Row>>) (List<?>) parts;
                    boolean unitData = Stream.of(0, 2, 3, 4, 5, 6).anyMatch(i -> rows.get(i).size() > 0);
                    boolean tenantData = rows.get(1).size() > 0 || rows.get(7).size() > 0;
                    if (!unitData && !(context.isBrandWide() && tenantData)) {
                        throw ProblemException.notFound("Personal data of contact " + contactId);
                    }
                    List<Map<String, Object>> profile = list(rows.get(0));
                    Map<String, Object> export = new LinkedHashMap<>();
                    export.put("service", AnalyticsEvents.SERVICE);
                    export.put("contactId", contactId.toString());
                    export.put("erased", rows.get(7).size() > 0);
                    export.put("profile", profile.isEmpty() ? null : profile.get(0));
                    export.put("consents", list(rows.get(1)));
                    export.put("customerValue", list(rows.get(2)));
                    export.put("productsBought", list(rows.get(3)));
                    export.put("orders", list(rows.get(4)));
                    export.put("leads", list(rows.get(5)));
                    export.put("tickets", list(rows.get(6)));
                    export.put("erasures", list(rows.get(7)));
                    return export;
                });
    }

    private static List<Map<String, Object>> list(RowSet<Row> rows) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Row row : rows) {
            JsonObject json = row.toJson();
            Map<String, Object> item = new LinkedHashMap<>();
            json.forEach(field -> item.put(camelCase(field.getKey()), plain(field.getValue())));
            items.add(item);
        }
        return items;
    }

    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            return object.getMap();
        }
        if (value instanceof io.vertx.core.json.JsonArray array) {
            return array.getList();
        }
        return value;
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
