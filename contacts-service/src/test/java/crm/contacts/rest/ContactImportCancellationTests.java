package crm.contacts.rest;

import static crm.contacts.rest.Api.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.TestDatabase;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An import whose upload the test holds back half way: the rows sent so far must be visible as progress
 * while the upload still runs (so the file is processed as it streams), and a cancellation must stop the
 * job so that nothing sent afterwards is written.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactImportCancellationTests {

    /** Rows per batch (crm.contacts.import.batch-size): a batch is written when the next one begins. */
    private static final int BATCH = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/contacts/imports")
    URI imports;

    /** A CSV file of {@code rows} rows that stops after {@code pauseAfter} rows until released. */
    private static final class HeldBackCsv extends InputStream {
        private final int rows;
        private final int pauseAfter;
        private final CountDownLatch release = new CountDownLatch(1);
        private byte[] line = "firstName,lastName\n".getBytes(StandardCharsets.UTF_8);
        private int position;
        private int written;

        HeldBackCsv(int rows, int pauseAfter) {
            this.rows = rows;
            this.pauseAfter = pauseAfter;
        }

        @Override
        public int read() {
            if (position == line.length) {
                if (written == rows) {
                    return -1;
                }
                if (written == pauseAfter) {
                    await();
                }
                written++;
                line = ("Held" + written + ",Back" + written + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return line[position++];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            // Hand out what is there without waiting, so the rows before the pause really get sent.
            while (n < length && !(position == line.length && written == pauseAfter && release.getCount() > 0 && n > 0)) {
                int b = read();
                if (b == -1) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }

        private void await() {
            try {
                if (!release.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never released the upload");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void shouldShowProgressWhileTheUploadRunsAndStopWhenCancelled() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("manager");
        HeldBackCsv csv = new HeldBackCsv(5 * BATCH, 2 * BATCH);
        CompletableFuture<HttpResponse<String>> upload = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(
                HttpRequest.newBuilder(imports).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Two batches were sent; the first is written, the second waits for the row that follows it.
        String jobId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var page = given().auth().oauth2(token).when().get("/api/v1/contacts/imports").then().statusCode(200)
                    .extract().jsonPath();
            return page.getList("items").isEmpty() || page.getInt("items[0].rowsRead") < BATCH ? null
                    : page.getString("items[0].id");
        }, id -> id != null);
        get(token, "/api/v1/contacts/imports/" + jobId).statusCode(200)
                .body("status", equalTo("running")).body("rowsRead", equalTo(BATCH)).body("created", equalTo(BATCH));
        assertThat(upload).isNotDone();

        given().auth().oauth2(token).when().delete("/api/v1/contacts/imports/" + jobId)
                .then().statusCode(200).body("status", equalTo("cancelled"));
        csv.release.countDown();

        HttpResponse<String> answer = upload.get(2, TimeUnit.MINUTES);
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode job = JSON.readTree(answer.body());
        assertThat(job.get("status").asText()).isEqualTo("cancelled");
        assertThat(job.get("rowsRead").asLong()).isEqualTo(BATCH);
        assertThat(job.get("created").asLong()).isEqualTo(BATCH);
        try (Connection db = TestDatabase.superuser()) {
            assertThat(TestDatabase.count(db, "select count(*) from contact where tenant_id = ?", tenant.id()))
                    .as("contacts written: the first batch and nothing after the cancellation").isEqualTo(BATCH);
        }
        get(token, "/api/v1/contacts/imports/" + jobId).statusCode(200).body("status", equalTo("cancelled"))
                .body("created", equalTo(BATCH));
    }
}
