package th.obec.apimr.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check ({@code docker/Dockerfile}, {@code HEALTHCHECK}): asks this node's readiness on the
 * management port and exits 0 when it answers 200 (UP), 1 otherwise. Plain JDK only, so the image needs neither curl
 * nor wget and the Dockerfile compiles this one file on its own. Port: {@code APIMR_MANAGEMENT_PORT} (8081).
 */
public final class ReadinessCheck {

    static final String PATH = "/actuator/health/readiness";

    private ReadinessCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("APIMR_MANAGEMENT_PORT", "8081");
        System.exit(check(URI.create("http://127.0.0.1:" + port + PATH)));
    }

    /** 0 when the readiness endpoint answers 200, 1 when it answers anything else or not at all. */
    static int check(URI readiness) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(8)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return 0;
            }
            System.err.println(readiness + " answered " + answer.statusCode() + ": " + answer.body());
            return 1;
        } catch (Exception e) {
            System.err.println(readiness + " did not answer: " + e);
            return 1;
        }
    }
}
