package crm.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole CRM on a devstack: every service as its own JVM process (the packaged Quarkus app), so it
 * can be stopped, killed with SIGKILL and restarted like in production.
 */
public final class CrmSystem {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final DevStack stack;
    private final Path projectRoot;
    private final Path logDir;
    private final Map<CrmService, Integer> ports;
    private final JvmProfile jvm;
    private final Map<CrmService, ManagedProcess> processes = new EnumMap<>(CrmService.class);

    /** How the services' JVMs run. */
    public enum JvmProfile {
        /** Tests and the local run: small heaps and only the quick C1 compiler, so six JVMs start fast. */
        COMPACT(List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
        /**
         * Benchmarks: as a pod runs (see the Dockerfiles and k8s limits): the full tiered JIT and 75% of the
         * 384 MiB memory limit as heap. C1 alone leaves throughput on the table that production has.
         */
        PRODUCTION(List.of("-Xms64m", "-Xmx288m", "-XX:+UseSerialGC"));

        private final List<String> options;

        JvmProfile(List<String> options) {
            this.options = options;
        }
    }

    public CrmSystem(DevStack stack, Path projectRoot, Path logDir, Function<CrmService, Integer> portOf) {
        this(stack, projectRoot, logDir, portOf, JvmProfile.COMPACT);
    }

    public CrmSystem(DevStack stack, Path projectRoot, Path logDir, Function<CrmService, Integer> portOf,
            JvmProfile jvm) {
        this.stack = stack;
        this.jvm = jvm;
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.logDir = logDir.toAbsolutePath();
        this.ports = new EnumMap<>(CrmService.class);
        for (CrmService service : CrmService.values()) {
            ports.put(service, portOf.apply(service));
        }
    }

    /** For tests: free ports, logs under the stack's folder. */
    public static CrmSystem onFreePorts(DevStack stack, Path projectRoot) {
        return new CrmSystem(stack, projectRoot, stack.layout().root().resolve("services"), s -> Ports.free());
    }

    public String url(CrmService service) {
        return "http://localhost:" + ports.get(service);
    }

    public int port(CrmService service) {
        return ports.get(service);
    }

    /** Starts every service at once and waits until each reports ready. */
    public void start() {
        for (CrmService service : CrmService.values()) {
            Ports.requireFree(ports.get(service), service.module());
        }
        for (CrmService service : CrmService.values()) {
            launch(service);
        }
        for (CrmService service : CrmService.values()) {
            awaitReady(service);
        }
    }

    public void start(CrmService service) {
        launch(service);
        awaitReady(service);
    }

    public void stop(CrmService service) {
        ManagedProcess process = processes.remove(service);
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    /** SIGKILL: no shutdown hooks, no commit of consumer offsets, as a crash. */
    public void kill(CrmService service) {
        ManagedProcess process = processes.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    public void stop() {
        List<CrmService> reverse = new ArrayList<>(List.of(CrmService.values()));
        java.util.Collections.reverse(reverse);
        reverse.forEach(this::stop);
    }

    public Map<CrmService, Long> pids() {
        Map<CrmService, Long> pids = new EnumMap<>(CrmService.class);
        processes.forEach((service, process) -> pids.put(service, process.pid()));
        return pids;
    }

    private void launch(CrmService service) {
        Path jar = projectRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable()));
        command.addAll(jvm.options);
        command.add("-Dquarkus.http.port=" + ports.get(service));
        for (Map.Entry<String, String> setting : settings(service).entrySet()) {
            command.add("-D" + setting.getKey() + "=" + setting.getValue());
        }
        command.addAll(List.of("-jar", jar.toString()));
        processes.put(service, ManagedProcess.start(service.module(), command, projectRoot, Map.of(),
                logDir.resolve(service.module() + ".log")));
    }

    private Map<String, String> settings(CrmService service) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(stack.serviceConfig(service.database()));
        if (service == CrmService.GATEWAY) {
            for (CrmService downstream : CrmService.values()) {
                if (downstream != CrmService.GATEWAY) {
                    settings.put(downstream.gatewayUrlProperty(), url(downstream));
                }
            }
        }
        if (service == CrmService.CONSOLE) {
            // The console calls the API only through the gateway, as a browser would.
            settings.put("crm.console.gateway-url", url(CrmService.GATEWAY));
        }
        return settings;
    }

    private void awaitReady(CrmService service) {
        ManagedProcess process = processes.get(service);
        Waits.until(service.module() + " on port " + ports.get(service), START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited:\n" + process.tail());
            }
            return isReady(service);
        }, process::tail);
    }

    public boolean isReady(CrmService service) {
        return Waits.answersOk(url(service) + "/q/health/ready");
    }
}
