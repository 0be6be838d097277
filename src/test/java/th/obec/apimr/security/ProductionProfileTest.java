package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile, started with a strong administrator password from the environment: the administrator
 * exists with that password, there is no H2 console, session and CSRF cookies are Secure, HttpOnly (session) and
 * SameSite, and the webapps refuse a state-changing request without the CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "APIMR_ADMIN_USER=ops.admin", "APIMR_ADMIN_PASSWORD=" + ProductionProfileTest.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:prod-profile;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=" + ProductionProfileTest.ENGINE,
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("prod")
class ProductionProfileTest {

    static final String PASSWORD = "Kx9-vb2Lq-7781";
    static final String ENGINE = "prodProfile";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    @Test
    void startsWithAStrongPasswordAndCreatesTheAdministratorFromTheEnvironment() {
        assertThat(identityService.checkPassword("ops.admin", PASSWORD)).isTrue();
        // no demo users: the administrator is the only user
        assertThat(identityService.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("ops.admin");
        assertThat(identityService.createUserQuery().userId("ops.admin").memberOfGroup("camunda-admin").count())
                .isEqualTo(1);
    }

    @Test
    void hasNoH2Console() throws Exception {
        assertThat(send(get("/h2-console")).statusCode()).isEqualTo(404);
        assertThat(send(get("/h2-console/login.jsp")).statusCode()).isEqualTo(404);
    }

    @Test
    void sessionAndCsrfCookiesAreSecureHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = send(get("/camunda/app/tasklist/" + ENGINE + "/"));

        assertThat(attributes(cookie(page, "JSESSIONID").orElseThrow()))
                .contains("secure", "httponly", "samesite=lax");
        assertThat(attributes(cookie(page, "XSRF-TOKEN").orElseThrow()))
                .contains("secure", "samesite=lax");
    }

    @Test
    void webappsRefuseALoginWithoutTheCsrfTokenAndAcceptItWithTheToken() throws Exception {
        String login = "/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist";
        String form = "username=ops.admin&password=" + PASSWORD;

        String session = value(cookie(send(get("/camunda/app/tasklist/" + ENGINE + "/")), "JSESSIONID").orElseThrow());
        HttpResponse<String> withoutToken = send(post(login, form).header("Cookie", "JSESSIONID=" + session).build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).contains("Required");

        // the token the webapp hands out with its page, sent back as Tasklist does
        HttpResponse<String> page = send(get("/camunda/app/tasklist/" + ENGINE + "/"));
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> withToken = send(post(login, form)
                .header("Cookie", "JSESSIONID=" + value(cookie(page, "JSESSIONID").orElseThrow())
                        + "; XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token).build());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("ops.admin");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + port)
                .header("Referer", "http://localhost:" + port + "/camunda/app/tasklist/" + ENGINE + "/")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    /** The attributes of a Set-Cookie header after the name=value pair, lower case. */
    private static Set<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String value(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }
}
