package crm.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A sales rep of one franchisee at work in the console, in a real browser on the whole CRM. */
class FranchiseeConsoleIT {

    @Test
    void shouldShowTheSignedInRepAndOnlyTheOwnUnitsCustomers() {
        Franchise franchise = Franchise.create();
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");
        Franchise.Staff mia = franchise.staff("Mia", "munich", "agent");
        String own = "Hamburg" + UUID.randomUUID().toString().substring(0, 6);
        String other = "Munich" + UUID.randomUUID().toString().substring(0, 6);
        hanna.createContact("Jana", own);
        mia.createContact("Sepp", other);

        try (Browser browser = Browser.english().signIn(hanna)) {
            assertThat(browser.byId("user-name").getText()).startsWith("Hanna");
            assertThat(browser.byId("who").getText()).contains(franchise.tenant()).contains(hanna.unit()).contains("agent");
            browser.screenshot("my-day");

            browser.open("/console/customers");
            browser.waitForText(By.id("customer-table"), own);
            assertThat(browser.byId("customer-table").getText()).contains(own).doesNotContain(other);
            browser.screenshot("customers");
        }
    }

    @Test
    void shouldNotOpenAnotherUnitsCustomerWhenTheIdInTheAddressIsChanged() {
        Franchise franchise = Franchise.create();
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");
        Franchise.Staff mia = franchise.staff("Mia", "munich", "agent");
        String secret = "Munich" + UUID.randomUUID().toString().substring(0, 6);
        String munichId = mia.createContact("Resi", secret);
        String hamburgId = hanna.createContact("Ole", "Hansen" + UUID.randomUUID().toString().substring(0, 4));

        try (Browser browser = Browser.english().signIn(hanna)) {
            browser.open("/console/customers/" + hamburgId);
            browser.byId("customer-name");

            browser.open("/console/customers/" + munichId);
            assertThat(browser.find(By.tagName("h1")).getText()).contains("Not found");
            assertThat(browser.pageSource()).doesNotContain(secret).doesNotContain("Resi");
            for (String page : new String[] {"/edit", "/merge", "/privacy", "/timeline", "/part/consents"}) {
                browser.open("/console/customers/" + munichId + page);
                assertThat(browser.pageSource()).as(page).doesNotContain(secret);
            }
        }
    }

    @Test
    void shouldLogACallThatAppearsOnTheTimeline() {
        Franchise franchise = Franchise.create();
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");
        String id = hanna.createContact("Jana", "Schulz");
        String summary = "Asked about the spring service " + UUID.randomUUID();

        try (Browser browser = Browser.english().signIn(hanna)) {
            browser.open("/console/customers/" + id);
            browser.byId("summary").sendKeys(summary);
            browser.byId("log-submit").click();
            browser.waitForText(By.id("timeline"), summary);
            assertThat(browser.byId("summary").getAttribute("value")).as("the form is ready for the next call").isEmpty();
            browser.screenshot("customer");
        }
    }

    @Test
    void shouldSpeakGermanToAGermanBrowserAndSwitchToEnglish() {
        Franchise franchise = Franchise.create();
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");

        try (Browser browser = Browser.german().signIn(hanna)) {
            assertThat(browser.find(By.cssSelector(".main-nav")).getText()).contains("Mein Tag").contains("Kunden");
            browser.find(By.cssSelector(".lang a[lang=en]")).click();
            browser.waitForText(By.cssSelector(".main-nav"), "My day");
            assertThat(browser.find(By.cssSelector(".main-nav")).getText()).contains("Customers");
        }
    }

    @Test
    void shouldWorkALeadFromNewToConversion() {
        Franchise franchise = Franchise.create();
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");
        String leadId = hanna.api().body(java.util.Map.of("firstName", "Lena", "lastName", "Krause",
                        "email", "lena." + UUID.randomUUID().toString().substring(0, 6) + "@example.com",
                        "channel", "website", "message", "Wants a test ride"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");

        try (Browser browser = Browser.english().signIn(hanna)) {
            browser.open("/console/leads/" + leadId);
            assertThat(browser.byId("lead-score").getText()).contains("Score");
            browser.byId("contact-submit").click();
            browser.waitForText(By.id("lead-status"), "Contacted");
            browser.byId("qualify-submit").click();
            browser.waitForText(By.id("lead-status"), "Qualified");
            browser.byId("opportunityName").sendKeys("E-bike for Lena");
            browser.byId("amount").sendKeys("3499");
            browser.screenshot("lead");
            browser.byId("convert-submit").click();
            browser.waitForText(By.id("lead-status"), "Converted");
            assertThat(browser.pageText()).doesNotContain("Not found");

            browser.open("/console/leads?status=new");
            browser.byId("lead-table");
            browser.screenshot("leads");
            browser.open("/console/pipeline");
            browser.byId("pipeline-board");
            browser.screenshot("pipeline");
        }
    }

    @Test
    void shouldAnswerATicketWithAPublicReply() {
        Franchise franchise = Franchise.create();
        Franchise.Staff hanna = franchise.staff("Hanna", "hamburg", "agent");
        String ticketId = hanna.api().body(java.util.Map.of("subject", "Brakes squeak", "channel", "email",
                        "description", "Since the last service the rear brake squeaks."))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        String reply = "Please come by, we adjust it for free. " + UUID.randomUUID();

        try (Browser browser = Browser.english().signIn(hanna)) {
            browser.open("/console/tickets/" + ticketId);
            browser.byId("sla-clock");
            browser.byId("comment-body").sendKeys(reply);
            browser.byId("comment-submit").click();
            browser.waitForText(By.id("comments"), reply);
            assertThat(browser.byId("comments").getText()).contains("Reply to customer");
            browser.screenshot("ticket");

            browser.open("/console/tickets?view=mine");
            browser.byId("ticket-table");
            browser.screenshot("tickets");
        }
    }
}
