package th.obec.apimr.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Logs a browser (an {@link HttpClient} with a {@link CookieManager}) in to a Camunda webapp as its login page
 * does: the app's page first (session and CSRF cookie), then the login form with the CSRF token.
 */
public final class CamundaLogin {

    private CamundaLogin() {
    }

    /**
     * Logs in to {@code app} ({@code welcome}, {@code tasklist}, ...) and asserts that Camunda accepted it.
     *
     * @return the CSRF token the session's modifying requests must send (header {@code X-XSRF-TOKEN})
     */
    public static String logIn(HttpClient browser, int port, String app, String user, String password)
            throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app
                + "/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(app + " " + page.headers().map()).isEqualTo(200);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base
                        + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf(browser, page))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("Camunda login: " + login.body() + " " + login.headers().map())
                .isEqualTo(200);
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base
                + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).contains(user);
        return csrf(browser, me);
    }

    /** The CSRF token of an answer: its header, or the browser's CSRF cookie. */
    private static String csrf(HttpClient browser, HttpResponse<String> response) {
        return response.headers().firstValue("X-XSRF-TOKEN").orElseGet(() ->
                ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN")).reduce((a, b) -> b).orElseThrow()
                        .getValue());
    }
}
