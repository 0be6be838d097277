package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.system.WebappLocaleFiles.labels;
import static th.obec.apimr.system.WebappLocaleFiles.own;
import static th.obec.apimr.system.WebappLocaleFiles.readOwn;
import static th.obec.apimr.system.WebappLocaleFiles.readText;
import static th.obec.apimr.system.WebappLocaleFiles.readWebjar;
import static th.obec.apimr.system.WebappLocaleFiles.webjar;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Welcome app (/camunda/app/welcome/, where a user lands and logs in) speaks Thai like Tasklist: its own
 * Thai label file covers every label of the webjar's English original, and its config.js offers Thai and English.
 */
class WelcomeThaiLocaleTest {

    private static final String WELCOME = "META-INF/resources/webjars/camunda/app/welcome/";
    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";

    @Test
    void everyEnglishWelcomeLabelHasAThaiTranslation() throws IOException {
        Map<String, String> en = labels(readWebjar(WELCOME + "locales/en.json"));
        Map<String, String> th = labels(readOwn(WELCOME + "locales/th.json"));

        assertThat(en).hasSizeGreaterThan(150);
        WebappLocaleFiles.assertTranslatesEveryLabel(en, th);
    }

    @Test
    void welcomeLoginSpeaksThaiWithTheWordsOfTasklist() throws IOException {
        Map<String, String> welcome = labels(readOwn(WELCOME + "locales/th.json"));
        Map<String, String> tasklist = labels(readOwn(TASKLIST + "locales/th.json"));

        assertThat(welcome).containsEntry("PAGE_LOGIN_PLEASE_SIGN_IN", "กรุณาเข้าสู่ระบบ")
                .containsEntry("PAGE_LOGIN_USERNAME", "ชื่อผู้ใช้")
                .containsEntry("PAGE_LOGIN_PASSWORD", "รหัสผ่าน");
        for (Map.Entry<String, String> label : welcome.entrySet()) {
            if (tasklist.containsKey(label.getKey())) {
                assertThat(label.getValue()).as("%s as Tasklist says it", label.getKey())
                        .isEqualTo(tasklist.get(label.getKey()));
            }
        }
    }

    @Test
    void welcomeDatesAreThaiBuddhistEra() throws IOException {
        JsonNode dates = readOwn(WELCOME + "locales/th.json").get("dateLocales");

        assertThat(dates.get("months").get(0).asText()).isEqualTo("มกราคม");
        assertThat(dates.get("eras").get(0).get("offset").asInt()).isEqualTo(544);
    }

    @Test
    void welcomeConfigOffersThaiAndEnglish() throws IOException {
        String config = readText(own(WELCOME + "scripts/config.js"));
        String original = readText(webjar(WELCOME + "scripts/config.js"));

        assertThat(config).containsPattern(
                "locales:\\s*\\{\\s*availableLocales:\\s*\\['th',\\s*'en'],\\s*fallbackLocale:\\s*'en'\\s*}");
        assertThat(original).contains("export default");
        assertThat(config).contains("export default", "csrfCookieName");
    }
}
