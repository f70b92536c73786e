package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTests {

    private final RouteTable routes = new RouteTable(
            Downstream.of("contacts-service", URI.create("http://contacts:8081")),
            Downstream.of("leads-service", URI.create("http://leads:8082")),
            Downstream.of("tickets-service", URI.create("http://tickets:8083")),
            Downstream.of("analytics-service", URI.create("https://analytics")),
            Downstream.of("console", URI.create("http://console:8085")));

    @ParameterizedTest
    @CsvSource({
            "/api/v1/contacts, contacts-service",
            "/api/v1/contacts/, contacts-service",
            "/api/v1/contacts/123/timeline, contacts-service",
            "/api/v1/companies/1, contacts-service",
            "/api/v1/interactions, contacts-service",
            "/api/v1/tasks/9, contacts-service",
            "/api/v1/purchases, contacts-service",
            "/api/v1/privacy/subjects/1/export, contacts-service",
            "/api/v1/leads/1, leads-service",
            "/api/v1/opportunities, leads-service",
            "/api/v1/products/7, leads-service",
            "/api/v1/campaigns, leads-service",
            "/api/v1/forms/abc, leads-service",
            "/api/v1/tickets/1, tickets-service",
            "/api/v1/queues, tickets-service",
            "/api/v1/sla-policies/2, tickets-service",
            "/api/v1/articles, tickets-service",
            "/api/v1/analytics/funnel, analytics-service",
            "/public/v1/forms/key-1, leads-service",
            "/public/v1/forms, leads-service",
            "/, console",
            "/console, console",
            "/console/, console",
            "/console/customers/123, console",
            "/console/assets/htmx.min.js, console"})
    void shouldRouteEveryResourceToItsOwner(String path, String service) {
        assertThat(routes.resolve(path)).get().extracting(Downstream::name).isEqualTo(service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nope", "/api/v1/contactsx", "/api/v1/", "/api/v1", "/api/v2/contacts",
            "/public/v1/formsx", "/public/v1/leads", "/consolex", "/q/health", "/openapi", "/index.html"})
    void shouldKnowNoOwnerForUnlistedPaths(String path) {
        assertThat(routes.resolve(path)).isEmpty();
    }

    @Test
    void shouldForwardToTheConsoleButNotAskItForApiDocumentsOrReadiness() {
        assertThat(routes.services()).extracting(Downstream::name).doesNotContain("console");
        assertThat(routes.downstreams()).extracting(Downstream::name).contains("console")
                .containsAll(routes.services().stream().map(Downstream::name).toList());
    }

    @Test
    void shouldDefaultPortsBySchemeAndRefuseBaseUrlsWithPath() {
        assertThat(Downstream.of("a", URI.create("https://analytics")))
                .isEqualTo(new Downstream("a", "analytics", 443, true));
        assertThat(Downstream.of("a", URI.create("http://analytics/")))
                .isEqualTo(new Downstream("a", "analytics", 80, false));
        assertThatThrownBy(() -> Downstream.of("a", URI.create("http://analytics/api")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Downstream.of("a", URI.create("ftp://analytics")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/contacts/../tickets", "/api/v1/contacts/%2e%2e/tickets", "/api/v1/contacts/%2E./x",
            "/api/v1/./contacts", "/api/v1/contacts/.."})
    void shouldSpotDotSegments(String rawPath) {
        assertThat(RouteTable.hasDotSegments(rawPath)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/contacts/1", "/api/v1/articles/v1.2", "/api/v1/articles/...",
            "/api/v1/contacts/.well"})
    void shouldAcceptDotsInsideSegments(String rawPath) {
        assertThat(RouteTable.hasDotSegments(rawPath)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/contacts, /api/v1/contacts",
            "/api/v1/contacts/, /api/v1/contacts",
            "/api/v1/contacts/123, /api/v1/contacts/*",
            "/api/v1/contacts/123/timeline, /api/v1/contacts/*",
            "/api/v1/sla-policies/9, /api/v1/sla-policies/*",
            "/api/v1/made-up-7, /api/v1/{unknown}",
            "/api/v1/customers/7/overview, /api/v1/customers/{contactId}/overview",
            "/api/v2/contacts/1, /api/{unknown}",
            "/public/v1/forms/key-1, /public/v1/forms/*",
            "/public/v1/other/1, /public/{unknown}",
            "/, /",
            "/console, /console",
            "/console/customers/7, /console/*"})
    void shouldNameMetricTemplatesByResourceNotById(String path, String template) {
        assertThat(routes.templateOf(path)).isEqualTo(template);
    }

    @Test
    void shouldLeaveOtherPathsToQuarkusMetricLabels() {
        assertThat(routes.templateOf("/q/health/ready")).isNull();
    }
}
