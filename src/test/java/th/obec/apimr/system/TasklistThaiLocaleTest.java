package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Thai translation of Camunda Tasklist shipped with the application must cover every label of the
 * English original of the Camunda webjar, keep its placeholders and HTML, and be offered by config.js.
 */
class TasklistThaiLocaleTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private static final Pattern HTML = Pattern.compile("</?(?:a|b|br|i|em|strong|p|span|code|ul|li)\\b[^>]*>|&[a-z]+;");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEnglishLabelHasAThaiTranslation() throws IOException {
        Map<String, String> en = labels(readWebjar(TASKLIST + "locales/en.json"));
        Map<String, String> th = labels(readOwn(TASKLIST + "locales/th.json"));

        assertThat(en).hasSizeGreaterThan(400);
        assertThat(th.keySet()).as("Thai labels without an English original")
                .isSubsetOf(en.keySet());
        assertThat(th.keySet()).as("English labels missing in Thai")
                .containsAll(en.keySet());

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

    @Test
    void dateLocalesAreThai() throws IOException {
        JsonNode en = readWebjar(TASKLIST + "locales/en.json").get("dateLocales");
        JsonNode th = readOwn(TASKLIST + "locales/th.json").get("dateLocales");

        Iterator<String> names = en.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            assertThat(th.has(name)).as("dateLocales.%s", name).isTrue();
        }
        assertThat(th.get("months")).hasSize(12);
        assertThat(th.get("months").get(0).asText()).isEqualTo("มกราคม");
        assertThat(th.get("months").get(11).asText()).isEqualTo("ธันวาคม");
        assertThat(th.get("monthsShort")).hasSize(12);
        assertThat(th.get("weekdays")).hasSize(7);
        assertThat(th.get("weekdays").get(0).asText()).isEqualTo("อาทิตย์");
        assertThat(th.get("weekdaysShort")).hasSize(7);
        assertThat(th.get("weekdaysMin")).hasSize(7);
        // Buddhist era: the era year token "y" with an offset of 543 years
        assertThat(th.get("eras").get(0).get("offset").asInt()).isEqualTo(544);
        assertThat(th.get("longDateFormat").get("LL").asText()).isEqualTo("D MMMM y");
    }

    @Test
    void tasklistConfigOffersThaiAndEnglish() throws IOException {
        String config = readText(own(TASKLIST + "scripts/config.js"));
        String original = readText(webjar(TASKLIST + "scripts/config.js"));

        assertThat(config).containsPattern(
                "locales:\\s*\\{\\s*availableLocales:\\s*\\['th',\\s*'en'],\\s*fallbackLocale:\\s*'en'\\s*}");
        assertThat(config).contains("shortcuts:", "claimTask:", "startProcess:");
        assertThat(original).contains("export default");
        assertThat(config).contains("export default");
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

    private Map<String, String> labels(JsonNode root) {
        Map<String, String> labels = new LinkedHashMap<>();
        root.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private JsonNode readWebjar(String path) throws IOException {
        try (InputStream in = webjar(path).openStream()) {
            return json.readTree(in);
        }
    }

    private JsonNode readOwn(String path) throws IOException {
        try (InputStream in = own(path).openStream()) {
            return json.readTree(in);
        }
    }

    private static String readText(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The resource as packaged in the Camunda webjar, even though our own resources shadow the same path. */
    private static URL webjar(String path) throws IOException {
        for (URL url : Collections.list(loader().getResources(path))) {
            if (url.toString().contains(WEBJAR)) {
                return url;
            }
        }
        throw new AssertionError("not found in " + WEBJAR + ": " + path);
    }

    /** The resource provided by this application (not by any jar). */
    private static URL own(String path) throws IOException {
        for (URL url : Collections.list(loader().getResources(path))) {
            if (!url.toString().startsWith("jar:")) {
                return url;
            }
        }
        throw new AssertionError("not found in the application's resources: " + path);
    }

    private static ClassLoader loader() {
        return TasklistThaiLocaleTest.class.getClassLoader();
    }
}
