package th.obec.apimr.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser signed in to Tasklist (its session and CSRF cookies, and the CSRF token it sends back) that asks for a
 * filter's first page with the request Tasklist itself sends.
 */
public record TasklistSession(HttpClient browser, String csrf, int port) {

    /**
     * What Tasklist sends with a filter's first page (taken from Chromium's requests to this application): the
     * filter is extended by the list's own sorting and "active", so the engine REST API reads the filter for the
     * extending query, the page and the count.
     */
    public static final String FIRST_PAGE_QUERY = "{\"processVariables\":[],\"taskVariables\":[],"
            + "\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
            + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";

    /** Signs {@code user} in to Tasklist as its login page does. */
    public static TasklistSession logIn(int port, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        return new TasklistSession(browser, CamundaLogin.logIn(browser, port, "tasklist", user, password), port);
    }

    /** The filter's first 15 tasks with the count, as HAL: {@code POST .../filter/{id}/list}. */
    public HttpResponse<String> firstPage(String filterId) throws Exception {
        return list(filterId, FIRST_PAGE_QUERY);
    }

    /** The filter's first 15 tasks with the count, as HAL, extended by {@code body} (JSON). */
    public HttpResponse<String> list(String filterId, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/engine/engine/default/filter/" + filterId
                        + "/list?firstResult=0&maxResults=15"))
                .header("Accept", "application/hal+json, application/json; q=0.5")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
