package th.obec.apimr.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files in {@code docker/} agree with the application: the variables they set are ones it reads, the
 * ports and the readiness path are its own, the image runs as a user of its own, and every variable is documented.
 * (No container engine runs the files here; these checks catch the drift a change of the application causes.)
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Pattern READ_VARIABLE = Pattern.compile("\\$\\{(APIMR_[A-Z0-9_]+)(?::([^}]*))?}");

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose.cluster.yaml"})
    void everyApimrVariableAComposeFileSetsIsOneTheApplicationReads(String file) throws IOException {
        Set<String> read = applicationVariables().keySet();
        List<String> set = new ArrayList<>();
        services(file).forEach((name, service) -> {
            Object environment = ((Map<?, ?>) service).get("environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.keySet().stream().map(Object::toString).filter(v -> v.startsWith("APIMR_")).forEach(set::add);
            }
        });
        assertThat(set).as("APIMR_* variables set in " + file).isNotEmpty();
        assertThat(read).as("variables application*.yml reads").containsAll(set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compose.yaml", "compose.cluster.yaml"})
    void theAppServicesPublishTheManagementPortOnTheLoopbackOnly(String file) throws IOException {
        String management = applicationVariables().get("APIMR_MANAGEMENT_PORT");
        services(file).forEach((name, service) -> {
            Map<?, ?> definition = (Map<?, ?>) service;
            if (!"apimr-orchestrator:local".equals(definition.get("image"))) {
                return;
            }
            assertThat(((Map<?, ?>) definition.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
            List<?> ports = (List<?>) definition.get("ports");
            assertThat(ports).as(name).anySatisfy(port -> assertThat(port.toString())
                    .startsWith("127.0.0.1:").endsWith(":" + management));
        });
    }

    @Test
    void theMailCatcherStillRunsAloneFromTheComposeFile() throws IOException {
        Map<?, ?> mailpit = (Map<?, ?>) services("compose.yaml").get("mailpit");
        assertThat(mailpit).as("docker compose -f docker/compose.yaml up -d mailpit").isNotNull();
        assertThat(mailpit.get("depends_on")).isNull();
        assertThat((List<?>) mailpit.get("ports")).anySatisfy(port -> assertThat(port.toString()).endsWith(":1025"));
    }

    @Test
    void theImageRunsAsItsOwnUserAndChecksTheReadinessOfTheApplication() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
        List<String> runStage = lines.subList(lastIndexStartingWith(lines, "FROM "), lines.size());
        String user = runStage.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow()
                .substring(5).trim();
        assertThat(user.split(":")[0]).as("USER of the runtime stage").isNotIn("root", "0");
        assertThat(runStage.stream().anyMatch(l -> l.startsWith("FROM ") && l.contains("-jre"))).isTrue();

        String dockerfile = String.join("\n", lines);
        assertThat(dockerfile).contains("HEALTHCHECK").contains(ReadinessCheck.class.getName())
                .contains("src/main/java/" + ReadinessCheck.class.getName().replace('.', '/') + ".java");
        assertThat(ReadinessCheck.PATH).isEqualTo("/actuator/health/readiness");
        Map<?, ?> health = (Map<?, ?>) path(applicationYml(), "management", "endpoint", "health");
        assertThat(path(health, "probes", "enabled")).as("readiness and liveness endpoints").isEqualTo(true);
        assertThat(path(health, "group", "readiness", "include")).isEqualTo("readinessState,db,jobExecutor");
        Map<String, String> defaults = applicationVariables();
        assertThat(dockerfile).contains("EXPOSE " + defaults.get("APIMR_PORT") + " " + defaults.get("APIMR_MANAGEMENT_PORT"));
        assertThat(defaults.get("APIMR_PORT")).isNotEqualTo(defaults.get("APIMR_MANAGEMENT_PORT"));

        // what the build stage copies exists and is let through by .dockerignore
        List<String> allowed = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        List<String> copied = new ArrayList<>();
        for (String line : lines) {
            Matcher copy = Pattern.compile("^COPY (\\S+) \\S+$").matcher(line);
            if (copy.matches()) {
                String source = copy.group(1);
                copied.add(source);
                assertThat(Path.of(source)).as(line).exists();
                assertThat(allowed).as(".dockerignore lets " + source + " through")
                        .anySatisfy(a -> assertThat(source + "/").startsWith(a.endsWith("/") ? a : a + "/"));
            }
        }
        assertThat(copied).containsExactly("pom.xml", "src/main", "processes", "forms");
    }

    @Test
    void theProxyChecksEachNodesReadinessOnItsManagementPort() throws IOException {
        Map<String, String> defaults = applicationVariables();
        String caddyfile = Files.readString(DOCKER.resolve("Caddyfile"));
        assertThat(caddyfile).contains("health_uri " + ReadinessCheck.PATH)
                .contains("health_port " + defaults.get("APIMR_MANAGEMENT_PORT"))
                .contains("app1:" + defaults.get("APIMR_PORT"), "app2:" + defaults.get("APIMR_PORT"))
                .contains("lb_policy cookie");
        Map<String, Object> services = services("compose.cluster.yaml");
        assertThat(services).containsKeys("app1", "app2", "proxy", "postgres");
    }

    @Test
    void everyVariableTheApplicationReadsIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String variable : applicationVariables().keySet()) {
            assertThat(readme).as(variable).contains("`" + variable + "`");
        }
    }

    /** The APIMR_* variables of application*.yml with their defaults ("" when none). */
    private static Map<String, String> applicationVariables() throws IOException {
        Map<String, String> variables = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml")).toList()) {
                Matcher matcher = READ_VARIABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    variables.putIfAbsent(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
                }
            }
        }
        return variables;
    }

    /** The first document of application.yml: the settings of every environment. */
    private static Map<?, ?> applicationYml() throws IOException {
        return (Map<?, ?>) new Yaml().loadAll(Files.readString(Path.of("src/main/resources/application.yml")))
                .iterator().next();
    }

    private static Object path(Map<?, ?> map, String... keys) {
        Object node = map;
        for (String key : keys) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services(String file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve(file)));
        return (Map<String, Object>) compose.get("services");
    }

    private static int lastIndexStartingWith(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("No " + prefix);
    }
}
