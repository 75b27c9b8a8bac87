package io.tollgate.platform;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supplies a database when none is configured, so that Tollgate runs and tests on a machine that has only a JDK.
 * <p>
 * The order of preference is: a configured {@code quarkus.datasource.jdbc.url} (production, CI); Quarkus Dev
 * Services when a Docker engine is reachable (tests and dev mode only); otherwise an embedded PostgreSQL server.
 * In normal runs the embedded server keeps its data in a persistent folder and the demo data is loaded; in tests it
 * uses a throw-away folder. One server is kept per JVM and it stops with the JVM.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);
    private static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /** The folder under which the embedded server keeps its data; default {@code ~/.tollgate}. */
    public static final String DATA_DIR = "tollgate.data-dir";
    private static final String ONE_TIME_PASSWORD_FILE = "tollgate.security.admin.one-time-password-file";
    /** Above application.properties (250), below environment variables (300): the operator's settings win. */
    private static final int ORDINAL = 275;

    private static EmbeddedPostgres server;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getValue(JDBC_URL).getValue() != null) {
            return List.of();
        }
        if (ExecutionMode.current() == ExecutionMode.UNSET) {
            // Build time: never start a database while building, but without Docker tell Dev Services not to try
            // either; the embedded server is started when the application starts.
            return dockerAvailable() ? List.of() : List.of(new MapBackedConfigSource("embedded PostgreSQL (build)",
                    Map.of("quarkus.datasource.devservices.enabled", "false"), ORDINAL) {
            });
        }
        LaunchMode mode = LaunchMode.current();
        if (mode != LaunchMode.NORMAL && dockerAvailable()) {
            return List.of(); // Dev Services provide PostgreSQL through Testcontainers
        }
        Map<String, String> properties = new HashMap<>(Map.of(
                JDBC_URL, start(mode, context).getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "tollgate.demo-data.enabled", Boolean.toString(mode == LaunchMode.NORMAL)));
        if (mode == LaunchMode.NORMAL) {
            // The demo on a laptop: its one-time passwords are printed in the log rather than written to a file.
            properties.put(ONE_TIME_PASSWORD_FILE, "");
        }
        return List.of(new MapBackedConfigSource("embedded PostgreSQL", properties, ORDINAL) {
        });
    }

    private static synchronized EmbeddedPostgres start(LaunchMode mode, ConfigSourceContext context) {
        if (server != null) {
            return server;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (mode == LaunchMode.NORMAL) {
                Path dataDirectory = dataDirectory(context);
                Files.createDirectories(dataDirectory.getParent());
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
                LOG.infof("No database configured: using the embedded PostgreSQL in %s", dataDirectory);
            }
            server = builder.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static Path dataDirectory(ConfigSourceContext context) {
        String configured = context.getValue(DATA_DIR).getValue();
        Path base = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".tollgate");
        return base.resolve("postgres").toAbsolutePath();
    }

    private static boolean dockerAvailable() {
        String dockerHost = System.getenv("DOCKER_HOST");
        return (dockerHost != null && !dockerHost.isBlank()) || Files.exists(Path.of("/var/run/docker.sock"));
    }
}
