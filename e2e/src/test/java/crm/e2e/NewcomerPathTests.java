package crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer does first: {@code ./crm up}, then the README's curl example, exactly as written.
 * Needs the fixed local ports (8080-8084, 8180, 9180, 15432, 19092, 19093) to be free.
 */
class NewcomerPathTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void shouldRunTheCrmWithCrmUpAndAnswerTheReadmeExample() throws Exception {
        Path log = ROOT.resolve("e2e/target/crm-up.log");
        Files.createDirectories(log.getParent());
        Process up = new ProcessBuilder("./crm", "up").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(up.isAlive()).as("./crm up exited:%n%s", Files.readString(log)).isTrue();
                return Files.readString(log).contains("The CRM is up");
            });

            String output = bash(readmeExample());

            assertThat(output).contains("\"items\"").contains("\"lastName\":\"Schulz\"").contains("\"contacts\"");
        } finally {
            bash("./crm down");
            up.waitFor(2, TimeUnit.MINUTES);
        }
    }

    /** The first bash block under the README's heading "A token and a first call". */
    private static String readmeExample() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("### A token and a first call"));
        int start = section.indexOf("```bash\n") + "```bash\n".length();
        return section.substring(start, section.indexOf("```", start));
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("script failed:%n%s%n%s", script, out).isZero();
        return out;
    }
}
