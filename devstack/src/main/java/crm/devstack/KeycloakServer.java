package crm.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server (keycloak-quarkus-dist) with the project's realm {@code crm}. The distribution
 * is unpacked and built (Quarkus augmentation, about half a minute) once per machine; each instance
 * gets a hard-linked copy of that home with its own {@code data} folder, so instances never share state.
 */
public final class KeycloakServer {

    public static final String REALM = "crm";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true --metrics-enabled=true";

    private final Path home;
    private final int port;
    private final int managementPort;
    private ManagedProcess process;

    public KeycloakServer(Path home, int port, int managementPort) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.managementPort = managementPort;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.exists(home.resolve("bin").resolve("kc.sh"))) {
            linkCopy(Distribution.built(), home);
        }
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--cache=local"));
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA", KafkaBroker.javaExecutable());
        process = ManagedProcess.start("keycloak", command, home, env, home.resolve("keycloak.log"));
        Waits.until("Keycloak on port " + port, Duration.ofMinutes(6), this::ready, process::tail);
        KeycloakAdmin admin = new KeycloakAdmin(this);
        admin.importRealmIfMissing(realmJson());
        admin.addDevClients(resourceText("keycloak/dev-clients.json"));
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Keycloak exited:\n" + process.tail());
        }
        return Waits.answersOk("http://localhost:" + managementPort + "/health/ready");
    }

    /** The realm file shared with the Kubernetes realm import. */
    public static String realmJson() {
        return resourceText("keycloak/crm-realm.json");
    }

    private static String resourceText(String name) {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void linkCopy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(from);
                if (relative.startsWith("data")) {
                    continue;
                }
                Path to = target.resolve(relative);
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    try {
                        Files.createLink(to, from);
                    } catch (IOException | UnsupportedOperationException crossDevice) {
                        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unpacked, built distribution shared by all instances on this machine. */
    static final class Distribution {

        static synchronized Path built() {
            Path zip = Path.of(KafkaBroker.resource("devstack/keycloak-dist.path"));
            String version = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "crm-devstack", "keycloak-" + version);
            Path marker = root.resolve(".built");
            if (Files.exists(marker)) {
                return root.resolve("keycloak-" + version);
            }
            try {
                Path staging = Files.createTempDirectory(Files.createDirectories(root.getParent()), "keycloak");
                unzip(zip, staging);
                Path distHome = staging.resolve("keycloak-" + version);
                List<String> build = new ArrayList<>(List.of("bash", distHome.resolve("bin/kc.sh").toString(), "build"));
                build.addAll(List.of(BUILD_OPTIONS.split(" ")));
                ManagedProcess.run("keycloak-build", build, distHome, Map.of("JAVA", KafkaBroker.javaExecutable()),
                        staging.resolve("build.log"), Duration.ofMinutes(5));
                Files.writeString(staging.resolve(".built"), BUILD_OPTIONS);
                try {
                    Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.exists(marker)) {
                        throw raced;
                    }
                }
                return root.resolve("keycloak-" + version);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void unzip(Path zip, Path target) throws IOException {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("zip entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                        if (out.toString().endsWith(".sh")) {
                            out.toFile().setExecutable(true);
                        }
                    }
                }
            }
        }
    }
}
