package crm.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./crm up}: PostgreSQL, Kafka, Keycloak and every service as processes on fixed ports, data kept
 * under {@code .crm/data} between runs, demo data loaded, everything stopped on Ctrl-C or {@code ./crm down}.
 */
public final class LocalRunner {

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path state = root.resolve(".crm");
        DevStack stack = new DevStack(DevStack.Layout.local(state.resolve("data")));
        CrmSystem crm = new CrmSystem(stack, root, state.resolve("logs"), CrmService::localPort);
        for (CrmService service : CrmService.values()) {
            Ports.requireFree(service.localPort(), service.module());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the CRM ...");
            crm.stop();
            stack.stop();
            deletePidFile(state);
            System.out.println("Stopped.");
            stopped.countDown();
        }, "crm-stop"));
        Files.createDirectories(state);
        Files.writeString(state.resolve("crm.pid"), String.valueOf(ProcessHandle.current().pid()));

        long started = System.nanoTime();
        System.out.println("Starting PostgreSQL, Kafka and Keycloak ...");
        stack.start();
        System.out.println("Starting the services ...");
        crm.start();
        System.out.println("Loading demo data ...");
        DemoData.seed(stack.keycloakAdmin(), crm.url(CrmService.GATEWAY));
        printBanner(stack, crm, (System.nanoTime() - started) / 1_000_000_000);
        stopped.await();
    }

    private static void printBanner(DevStack stack, CrmSystem crm, long seconds) {
        String gateway = crm.url(CrmService.GATEWAY);
        StringBuilder out = new StringBuilder()
                .append("\nThe CRM is up (").append(seconds).append(" s). Ctrl-C or './crm down' stops it.\n\n")
                .append("  Console             ").append(gateway).append("/console/  (also ")
                .append(crm.url(CrmService.CONSOLE)).append("/console/)\n")
                .append("  Gateway (the API)   ").append(gateway).append("/api/v1\n")
                .append("  Swagger UI          ").append(gateway).append("/q/swagger-ui\n")
                .append("  Keycloak            ").append(stack.keycloak().url())
                .append("  (admin console: ").append(KeycloakServer.ADMIN_USER).append(" / ")
                .append(KeycloakServer.ADMIN_PASSWORD).append(")\n")
                .append("  Logs                .crm/logs\n\n")
                .append("Demo logins (password '").append(DemoData.PASSWORD).append("'):\n");
        for (DemoData.Login login : DemoData.LOGINS) {
            out.append(String.format("  %-15s %-9s %-18s %s%n", login.username(), login.tenant(),
                    login.unit() == null ? "HQ (all units)" : login.unit(), String.join(",", login.roles())));
        }
        out.append("\nA token and a first call:\n")
                .append("  TOKEN=$(curl -s -d grant_type=password -d client_id=crm-cli -d username=hanna.hamburg -d password=demo \\\n")
                .append("    ").append(stack.keycloak().issuer()).append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n")
                .append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(gateway).append("/api/v1/contacts\n");
        System.out.println(out);
    }

    private static void deletePidFile(Path state) {
        try {
            Files.deleteIfExists(state.resolve("crm.pid"));
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}
