package io.tollgate.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.config.ConfigMapping;
import io.tollgate.aws.AwsConfig;
import io.tollgate.findings.importing.FindingsConfig;
import io.tollgate.security.SecurityConfig;
import io.tollgate.training.service.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * No Docker engine runs here, so the deployment files are checked against the application instead: they name only
 * settings that README documents and the application reads, the port it listens on, and health paths that answer.
 */
@QuarkusTest
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Set<String> documented;
    private static Set<String> applicationKeys;
    private static int appPort;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void readTheApplication() throws IOException {
        documented = documentedVariables();
        Properties properties = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        applicationKeys = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            applicationKeys.add(key.replaceFirst("^%[a-z]+\\.", ""));
            Matcher expression = Pattern.compile("\\$\\{([A-Za-z_.-]+):").matcher(properties.getProperty(key));
            while (expression.find()) {
                applicationKeys.add(expression.group(1));
            }
        }
        applicationKeys.addAll(mappingKeys(SecurityConfig.class));
        applicationKeys.addAll(mappingKeys(ContentConfig.class));
        applicationKeys.addAll(mappingKeys(FindingsConfig.class));
        applicationKeys.addAll(mappingKeys(TrainingConfig.class));
        applicationKeys.addAll(mappingKeys(AwsConfig.class));
        applicationKeys.add(EmbeddedDatabaseConfigSourceFactory.DATA_DIR);
        Matcher port = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(properties.getProperty("quarkus.http.port"));
        assertThat(port.find()).as("quarkus.http.port reads PORT with a default").isTrue();
        appPort = Integer.parseInt(port.group(1));
    }

    @Test
    void everyDocumentedVariableIsReadByTheApplication() {
        for (String variable : documented) {
            assertThat(readByApplication(variable)).as("README documents %s; the application must read it", variable).isTrue();
        }
    }

    @Test
    void theComposeFileUsesDocumentedSettingsThePortAndAHealthPath() throws IOException {
        JsonNode tollgate = YAML.readTree(ROOT.resolve("docker/compose.yaml").toFile()).path("services").path("tollgate");
        List<String> names = new ArrayList<>();
        tollgate.path("environment").fieldNames().forEachRemaining(names::add);
        assertThat(names).isNotEmpty();
        assertThat(documented).as("compose variables are documented in README").containsAll(names);
        assertThat(tollgate.path("ports").get(0).asText()).endsWith(":" + appPort);
        assertThat(tollgate.path("ports").get(0).asText()).as("plain HTTP for this machine only").startsWith("127.0.0.1:");
        String healthcheck = tollgate.path("healthcheck").path("test").toString();
        assertAnsweringHealthPath(healthcheck);
        assertThat(YAML.readTree(ROOT.resolve("docker/compose.yaml").toFile())
                .path("services").path("postgres").path("healthcheck").isMissingNode()).isFalse();
    }

    @Test
    void theKubernetesDeploymentRunsReplicasWithProbesAndSecretReferences() throws IOException {
        List<JsonNode> documents = kubernetes("tollgate.yaml");
        JsonNode deployment = kind(documents, "Deployment");
        JsonNode configMap = kind(documents, "ConfigMap");
        kind(documents, "Service");
        assertThat(deployment.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(appPort);
        String liveness = container.path("livenessProbe").path("httpGet").path("path").asText();
        String readiness = container.path("readinessProbe").path("httpGet").path("path").asText();
        assertThat(liveness).isEqualTo("/q/health/live");
        assertThat(readiness).isEqualTo("/q/health/ready");
        RestAssured.get(liveness).then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get(readiness).then().statusCode(200).body("status", equalTo("UP"));

        Set<String> names = new TreeSet<>();
        configMap.path("data").fieldNames().forEachRemaining(names::add);
        int secretReferences = 0;
        for (JsonNode variable : container.path("env")) {
            names.add(variable.path("name").asText());
            if (!variable.path("valueFrom").path("secretKeyRef").isMissingNode()) {
                secretReferences++;
            }
            assertThat(variable.has("value")).as("%s must come from a Secret, not a literal", variable.path("name").asText())
                    .isFalse();
        }
        assertThat(secretReferences).isGreaterThanOrEqualTo(2);
        assertThat(documented).as("Kubernetes variables are documented in README").containsAll(names);
        assertThat(names).contains("QUARKUS_DATASOURCE_PASSWORD", "TOLLGATE_SECURITY_SESSION_SECRET");
    }

    @Test
    void onKubernetesTlsCoversEveryHopFromTheBrowserToTheDatabase() throws IOException {
        List<JsonNode> documents = kubernetes("tollgate.yaml");
        JsonNode ingress = kind(documents, "Ingress");
        assertThat(ingress.path("metadata").path("annotations").path("cert-manager.io/cluster-issuer").asText()).isNotBlank();
        assertThat(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/force-ssl-redirect").asText())
                .isEqualTo("true");
        JsonNode tls = ingress.path("spec").path("tls").get(0);
        assertThat(tls.path("secretName").asText()).isNotBlank();
        String host = ingress.path("spec").path("rules").get(0).path("host").asText();
        assertThat(tls.path("hosts").get(0).asText()).isEqualTo(host);
        assertThat(ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0).path("backend")
                .path("service").path("name").asText()).isEqualTo(kind(documents, "Service").path("metadata").path("name").asText());

        JsonNode controller = kind(kubernetes("ingress-nginx-tls.yaml"), "ConfigMap").path("data");
        assertThat(controller.path("ssl-protocols").asText()).isEqualTo("TLSv1.2 TLSv1.3");
        assertThat(controller.path("ssl-ciphers").asText().split(":")).allSatisfy(cipher ->
                assertThat(cipher).startsWith("ECDHE-").containsAnyOf("GCM", "CHACHA20"));

        JsonNode pod = kind(documents, "Deployment").path("spec").path("template");
        assertThat(pod.path("metadata").path("labels").path("sidecar.istio.io/inject").asText()).isEqualTo("true");
        assertThat(kind(documents, "PeerAuthentication").path("spec").path("mtls").path("mode").asText()).isEqualTo("STRICT");

        JsonNode settings = kind(documents, "ConfigMap").path("data");
        String jdbcUrl = settings.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        assertThat(jdbcUrl).contains("sslmode=verify-full");
        Matcher ca = Pattern.compile("sslrootcert=(/[^&]+)/[^/&]+").matcher(jdbcUrl);
        assertThat(ca.find()).as("the database's CA is named").isTrue();
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains(ca.group(1));

        assertThat(settings.path("TOLLGATE_BEHIND_PROXY").asText()).isEqualTo("true");
        assertThat(settings.path("TOLLGATE_TRUSTED_PROXIES").asText()).as("behind a proxy, the proxy is named").isNotBlank();
        assertThat(settings.path("QUARKUS_DATASOURCE_USERNAME").asText())
                .isNotEqualTo(settings.path("TOLLGATE_MIGRATION_USERNAME").asText());
    }

    @Test
    void theRuntimeDatabaseRoleHasOnlyTheDataItNeedsAndCannotRewriteHistory() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(ROOT.resolve("docker/postgres/roles.sql")));
            statement.execute(Files.readString(ROOT.resolve("docker/postgres/roles.sql")));
            for (String table : List.of("audit_event", "gate_evaluation", "gate_break_glass")) {
                assertThat(privileges(statement, table)).as(table).containsExactly("SELECT", "INSERT");
            }
            assertThat(privileges(statement, "flyway_schema_history")).containsExactly("SELECT");
            assertThat(privileges(statement, "finding")).containsExactly("SELECT", "INSERT", "UPDATE", "DELETE");
            try (ResultSet rights = statement.executeQuery("SELECT has_schema_privilege('tollgate_app', 'public', 'CREATE'), "
                    + "has_database_privilege('tollgate_app', current_database(), 'TEMPORARY'), "
                    + "has_sequence_privilege('tollgate_app', 'team_seq', 'USAGE'), "
                    + "(SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = 'tollgate_app')")) {
                rights.next();
                assertThat(rights.getBoolean(1)).as("may create tables").isFalse();
                assertThat(rights.getBoolean(2)).as("may stage imports in temporary tables").isTrue();
                assertThat(rights.getBoolean(3)).as("may draw ids").isTrue();
                assertThat(rights.getBoolean(4)).as("holds an administrator's attribute").isFalse();
            }
        }
    }

    private static List<String> privileges(Statement statement, String table) throws SQLException {
        List<String> held = new ArrayList<>();
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
            try (ResultSet result = statement.executeQuery(
                    "SELECT has_table_privilege('tollgate_app', '" + table + "', '" + privilege + "')")) {
                result.next();
                if (result.getBoolean(1)) {
                    held.add(privilege);
                }
            }
        }
        return held;
    }

    @Test
    void theDockerfileExposesThePortAndChecksHealth() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE " + appPort);
        assertThat(dockerfile).containsPattern("USER \\d+");
        assertAnsweringHealthPath(dockerfile.substring(dockerfile.indexOf("HEALTHCHECK")));
        for (Matcher env = Pattern.compile("ENV ([\\s\\S]*?)\\n\\S").matcher(dockerfile); env.find(); ) {
            for (Matcher name = Pattern.compile("([A-Z_]+)=").matcher(env.group(1)); name.find(); ) {
                if (!name.group(1).equals("JAVA_OPTS")) {
                    assertThat(documented).contains(name.group(1));
                }
            }
        }
    }

    private static void assertAnsweringHealthPath(String text) {
        Matcher path = Pattern.compile("/q/health/(live|ready)").matcher(text);
        assertThat(path.find()).as("a health path in %s", text).isTrue();
        RestAssured.get(path.group()).then().statusCode(200).body("status", equalTo("UP"));
    }

    private static boolean readByApplication(String variable) {
        if (variable.startsWith("QUARKUS_DATASOURCE_") || variable.startsWith("QUARKUS_OIDC_")) {
            String extension = variable.startsWith("QUARKUS_OIDC_") ? "quarkus.oidc." : "quarkus.datasource.";
            return applicationKeys.stream().anyMatch(k -> k.startsWith(extension));
        }
        return applicationKeys.stream().anyMatch(key -> key.toUpperCase().replaceAll("[.\\-\"]", "_").equals(variable));
    }

    private static Set<String> documentedVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\|").matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            variables.add(row.group(1));
        }
        assertThat(variables).as("README's configuration table").hasSizeGreaterThan(10);
        return variables;
    }

    /** The property names of a {@link ConfigMapping} interface, nested groups included. */
    private static Set<String> mappingKeys(Class<?> mapping) {
        Set<String> keys = new HashSet<>();
        collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
        return keys;
    }

    private static void collect(String prefix, Class<?> type, Set<String> keys) {
        for (Method method : type.getDeclaredMethods()) {
            String key = prefix + "." + method.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            if (method.isDefault() || method.isSynthetic()) {
                continue;
            }
            if (method.getReturnType().isInterface() && mapping(method.getReturnType()) == mapping(type)) {
                collect(key, method.getReturnType(), keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** The top-level mapping interface a (possibly nested) group belongs to. */
    private static Class<?> mapping(Class<?> type) {
        return type.getEnclosingClass() == null ? type : mapping(type.getEnclosingClass());
    }

    private static List<JsonNode> kubernetes(String file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(ROOT.resolve("docker/kubernetes/" + file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the Kubernetes manifests"));
    }
}
