package crm.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out through Keycloak; nothing of the console without a session. */
class SignInIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void shouldSendAVisitorWithoutSessionToKeycloakToSignIn() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(ConsoleStack.gatewayUrl() + "/console/customers")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString()
                .contains("/realms/crm/protocol/openid-connect/auth").contains("client_id=crm-console")
                .contains("code_challenge_method=S256");
    }

    @Test
    void shouldAnswerABackgroundRequestWithoutSessionSoThePageCanSignInAgain() throws Exception {
        HttpResponse<String> fragment = http.send(HttpRequest.newBuilder(
                        URI.create(ConsoleStack.gatewayUrl() + "/console/customers?q=x"))
                .header("HX-Request", "true").header("X-Requested-With", "JavaScript").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fragment.statusCode()).isEqualTo(499);
    }

    @Test
    void shouldLeadTheSiteRootToTheConsole() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(ConsoleStack.gatewayUrl() + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode()).isEqualTo(303);
        assertThat(root.headers().firstValue("Location")).get().asString().endsWith("/console/");
    }

    @Test
    void shouldSignOutAtKeycloakToo() {
        Franchise franchise = Franchise.create();
        Franchise.Staff lars = franchise.staff("Lars", "hamburg", "manager", "agent");

        try (Browser browser = Browser.english().signIn(lars)) {
            browser.byId("sign-out").click();
            browser.byId("sign-in-again");
            assertThat(browser.pageText()).contains("Signed out");

            browser.byId("sign-in-again").click();
            assertThat(browser.find(By.id("username")).isDisplayed()).as("Keycloak asks again").isTrue();
        }
    }
}
