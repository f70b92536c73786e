package crm.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server process from the embedded binaries (io.zonky.test.postgres). Each service
 * gets its own database and an owning role that is not a superuser, so row-level security binds it.
 */
public final class PostgresServer {

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final boolean durable;
    private final Path binaries;
    private ManagedProcess process;

    public PostgresServer(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = this.dataDir.resolveSibling("postgres.log");
        this.port = port;
        this.durable = durable;
        this.binaries = Binaries.extract();
    }

    public int port() {
        return port;
    }

    /** The server's process id (its backends are its children), or empty when it is not running. */
    public synchronized OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid())
                : OptionalLong.empty();
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialise();
            }
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(bin("postgres"), "-D", dataDir.toString(),
                "-p", String.valueOf(port), "-h", "127.0.0.1", "-k", dataDir.toString(),
                "-c", "max_connections=300", "-c", "shared_buffers=128MB",
                // Ingesting a backlog writes WAL fast; at the default 1GB a checkpoint came every few seconds,
                // and each starts a new round of full-page images.
                "-c", "max_wal_size=4GB"));
        if (!durable) {
            // Test data is thrown away; trading crash safety for speed is right there, never in './crm up'.
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        process = ManagedProcess.start("postgres", Unprivileged.command(command), dataDir.getParent(), env(), logFile);
        Waits.until("PostgreSQL on port " + port, Duration.ofMinutes(2), this::accepts, process::tail);
    }

    /** Fast shutdown (SIGINT): connected clients are disconnected, as in a real restart. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.stop(Duration.ofSeconds(30));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Operator functions of trigram, text search, array and JSON containment that row-level-secured index
     * scans need.
     */
    static final List<String> LEAKPROOF_FUNCTIONS = List.of(
            "similarity_op(text, text)", "word_similarity_op(text, text)",
            "word_similarity_commutator_op(text, text)", "strict_word_similarity_op(text, text)",
            "strict_word_similarity_commutator_op(text, text)", "textlike(text, text)", "texticlike(text, text)",
            "ts_match_vq(tsvector, tsquery)", "arraycontains(anyarray, anyarray)",
            "arrayoverlap(anyarray, anyarray)", "jsonb_contains(jsonb, jsonb)");

    /** Creates, once, a database and an owning login role of the same name (password = name). */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", name)) {
                try (Statement s = admin.createStatement()) {
                    s.execute("create role " + name + " login password '" + name + "'");
                }
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                try (Statement s = admin.createStatement()) {
                    s.execute("create database " + name + " owner " + name + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        preparePrivilegedExtensions(name);
    }

    /**
     * Services search with trigram and text-search indexes under row-level security. PostgreSQL uses
     * such an index for a row-level-secured table only when the operator's function is LEAKPROOF, and
     * only a superuser may say so; it is done here, as in production by the database operator's
     * post-init SQL. The functions raise no error that depends on a row's value.
     */
    private void preparePrivilegedExtensions(String database) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("create extension if not exists pg_trgm");
            s.execute("create extension if not exists unaccent");
            for (String function : LEAKPROOF_FUNCTIONS) {
                s.execute("alter function " + function + " leakproof");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare extensions of " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean accepts() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void initialise() throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Unprivileged.own(dataDir);
        ManagedProcess.run("initdb", Unprivileged.command(List.of(bin("initdb"), "-D", dataDir.toString(),
                        "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale")),
                dataDir.getParent(), env(), dataDir.resolveSibling("initdb.log"), Duration.ofMinutes(2));
    }

    private Map<String, String> env() {
        return Map.of("LC_ALL", "C", "LANG", "C");
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    /** Unpacks this platform's binaries once per machine into the JVM's temp folder. */
    static final class Binaries {

        private static Path extracted;

        static synchronized Path extract() {
            if (extracted != null) {
                return extracted;
            }
            String archive = archiveName();
            try (InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream(archive)) {
                if (in == null) {
                    throw new IllegalStateException("No PostgreSQL binaries " + archive + " on the class path;"
                            + " this platform's io.zonky.test.postgres binaries jar is missing");
                }
                byte[] bytes = in.readAllBytes();
                Path target = Path.of(System.getProperty("java.io.tmpdir"), "crm-devstack",
                        "postgres-" + Integer.toHexString(java.util.Arrays.hashCode(bytes)));
                if (!Files.exists(target.resolve(".complete"))) {
                    unpack(bytes, target);
                }
                extracted = target;
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String archiveName() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
            String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
            return "postgres-" + system + "-" + cpu + ".txz";
        }

        private static void unpack(byte[] archive, Path target) throws IOException {
            Path staging = Files.createTempDirectory(target.getParent() == null ? Path.of(".")
                    : Files.createDirectories(target.getParent()), "unpack");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                    new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = staging.resolve(entry.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("archive entry outside target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        boolean executable = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            try (var dirs = Files.walk(staging)) {
                for (Path p : (Iterable<Path>) dirs::iterator) {
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            Files.writeString(staging.resolve(".complete"), "ok");
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(target.resolve(".complete"))) {
                    throw raced;
                }
            }
            Files.setPosixFilePermissions(target.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
