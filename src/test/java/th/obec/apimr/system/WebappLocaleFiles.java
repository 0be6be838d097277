package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Camunda webapp's locale files twice: as packaged in the Camunda webjar (the English original) and as
 * shipped by this application (which shadows the webjar at the same path), and checks a translation against the
 * original: every label translated, placeholders and HTML kept.
 */
final class WebappLocaleFiles {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    static final Pattern HTML = Pattern.compile("</?(?:a|b|br|i|em|strong|p|span|code|ul|li)\\b[^>]*>|&[a-z]+;");

    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebappLocaleFiles() {
    }

    /** Every English label has a non-blank Thai value with the same placeholders and HTML; no Thai label is extra. */
    static void assertTranslatesEveryLabel(Map<String, String> en, Map<String, String> th) {
        assertThat(th.keySet()).as("Thai labels without an English original").isSubsetOf(en.keySet());
        assertThat(th.keySet()).as("English labels missing in Thai").containsAll(en.keySet());
        for (Map.Entry<String, String> label : en.entrySet()) {
            String key = label.getKey();
            String english = label.getValue();
            String thai = th.get(key);
            if (!english.isBlank()) {
                assertThat(thai).as("Thai value of %s", key).isNotBlank();
            }
            assertThat(sorted(all(PLACEHOLDER, thai))).as("placeholders of %s", key)
                    .isEqualTo(sorted(all(PLACEHOLDER, english)));
            assertThat(sorted(all(HTML, thai))).as("HTML of %s", key)
                    .isEqualTo(sorted(all(HTML, english)));
        }
    }

    static Map<String, String> labels(JsonNode root) {
        Map<String, String> labels = new LinkedHashMap<>();
        root.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static JsonNode readWebjar(String path) throws IOException {
        try (InputStream in = webjar(path).openStream()) {
            return JSON.readTree(in);
        }
    }

    static JsonNode readOwn(String path) throws IOException {
        try (InputStream in = own(path).openStream()) {
            return JSON.readTree(in);
        }
    }

    static String readText(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The resource as packaged in the Camunda webjar, even though our own resources shadow the same path. */
    static URL webjar(String path) throws IOException {
        for (URL url : Collections.list(loader().getResources(path))) {
            if (url.toString().contains(WEBJAR)) {
                return url;
            }
        }
        throw new AssertionError("not found in " + WEBJAR + ": " + path);
    }

    /** The resource provided by this application (not by any jar). */
    static URL own(String path) throws IOException {
        for (URL url : Collections.list(loader().getResources(path))) {
            if (!url.toString().startsWith("jar:")) {
                return url;
            }
        }
        throw new AssertionError("not found in the application's resources: " + path);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }

    private static List<String> sorted(List<String> values) {
        Collections.sort(values);
        return values;
    }

    private static ClassLoader loader() {
        return WebappLocaleFiles.class.getClassLoader();
    }
}
