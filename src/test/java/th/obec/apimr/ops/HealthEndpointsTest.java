package th.obec.apimr.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Health as the load balancer, the container runtime and an operator see it, over HTTP on the management port: an
 * application with a running job executor and an SMTP server (GreenMail). Readiness covers the database and the job
 * executor, not the mail server; the actuator is not served on the users' port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "apimr.test.context=ops-health", "camunda.bpm.job-execution.enabled=true"})
// @SpringBootTest switches metric export off unless asked: the Prometheus endpoint is part of what is tested
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SmtpServer.Configured.class)
class HealthEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void everythingBackUp() {
        SmtpServer.start();
        JobExecutor executor = ProductMetrics.jobExecutor(engine);
        if (!executor.isActive()) {
            executor.start();
        }
    }

    @Test
    void readinessCoversTheDatabaseAndTheJobExecutorAndLivenessOnlyTheApplication() throws Exception {
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode ready = json.readTree(readiness.body());
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(names(ready.path("components"))).containsExactlyInAnyOrder("readinessState", "db", "jobExecutor");
        assertThat(ready.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode jobExecutor = ready.at("/components/jobExecutor");
        assertThat(jobExecutor.path("status").asText()).isEqualTo("UP");
        assertThat(jobExecutor.at("/details/active").asBoolean()).isTrue();
        assertThat(jobExecutor.at("/details/enabled").asBoolean()).isTrue();
        assertThat(jobExecutor.at("/details/maxJobsPerAcquisition").asInt()).isPositive();
        assertThat(jobExecutor.at("/details/executableJobs").isNumber()).as("backlog shown").isTrue();
        assertThat(jobExecutor.at("/details/failedJobs").isNumber()).isTrue();

        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        JsonNode live = json.readTree(liveness.body());
        assertThat(live.path("status").asText()).isEqualTo("UP");
        assertThat(names(live.path("components"))).containsExactly("livenessState");

        assertThat(ReadinessCheck.check(readiness())).as("the container's health check passes").isEqualTo(0);
        assertThat(ReadinessCheck.check(URI.create("http://127.0.0.1:" + port + ReadinessCheck.PATH)))
                .as("not on the users' port").isEqualTo(1);
    }

    @Test
    void aStoppedMailServerShowsInHealthButTheNodeStaysReady() throws Exception {
        JsonNode before = json.readTree(get(managementPort, "/actuator/health").body());
        assertThat(before.at("/components/mail/status").asText()).isEqualTo("UP");
        assertThat(before.at("/components/mail/details/location").asText()).endsWith(":" + SmtpServer.PORT);

        SmtpServer.stop();

        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode down = json.readTree(health.body());
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.at("/components/mail/status").asText()).isEqualTo("DOWN");
        assertThat(down.at("/components/db/status").asText()).isEqualTo("UP");

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void aJobExecutorThatShouldRunButDoesNotTakesTheNodeOutOfService() throws Exception {
        ProductMetrics.jobExecutor(engine).shutdown();

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        JsonNode notReady = json.readTree(readiness.body());
        assertThat(notReady.path("status").asText()).isEqualTo("DOWN");
        assertThat(notReady.at("/components/jobExecutor/status").asText()).isEqualTo("DOWN");
        assertThat(notReady.at("/components/jobExecutor/details/active").asBoolean()).isFalse();
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).as("no restart for it").isEqualTo(200);
        assertThat(ReadinessCheck.check(readiness())).as("the container's health check fails").isEqualTo(1);

        ProductMetrics.jobExecutor(engine).start();
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(ReadinessCheck.check(readiness())).isEqualTo(0);
    }

    @Test
    void theManagementPortServesOnlyHealthInfoAndPrometheusAndTheUsersPortNoneOfThem() throws Exception {
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/configprops", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump"}) {
            assertThat(get(managementPort, hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/info"}) {
            HttpResponse<String> onUsersPort = get(port, path);
            assertThat(onUsersPort.statusCode()).as(path).isEqualTo(404);
            assertThat(onUsersPort.body()).as(path).doesNotContain("UP", "apimr_");
        }
        // the users' port still serves the app, and its API still asks for a login
        assertThat(get(port, "/api/cycles").statusCode()).isEqualTo(401);
    }

    private URI readiness() {
        return URI.create("http://127.0.0.1:" + managementPort + ReadinessCheck.PATH);
    }

    private HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> names(JsonNode components) {
        java.util.List<String> names = new java.util.ArrayList<>();
        components.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
