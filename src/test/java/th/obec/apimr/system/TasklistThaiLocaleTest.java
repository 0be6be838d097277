package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.system.WebappLocaleFiles.labels;
import static th.obec.apimr.system.WebappLocaleFiles.own;
import static th.obec.apimr.system.WebappLocaleFiles.readOwn;
import static th.obec.apimr.system.WebappLocaleFiles.readText;
import static th.obec.apimr.system.WebappLocaleFiles.readWebjar;
import static th.obec.apimr.system.WebappLocaleFiles.webjar;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Thai translation of Camunda Tasklist shipped with the application must cover every label of the
 * English original of the Camunda webjar, keep its placeholders and HTML, and be offered by config.js.
 */
class TasklistThaiLocaleTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";

    @Test
    void everyEnglishLabelHasAThaiTranslation() throws IOException {
        Map<String, String> en = labels(readWebjar(TASKLIST + "locales/en.json"));
        Map<String, String> th = labels(readOwn(TASKLIST + "locales/th.json"));

        assertThat(en).hasSizeGreaterThan(400);
        WebappLocaleFiles.assertTranslatesEveryLabel(en, th);
    }

    @Test
    void loginPageSpeaksThai() throws IOException {
        Map<String, String> th = labels(readOwn(TASKLIST + "locales/th.json"));

        assertThat(th).containsEntry("PAGE_LOGIN_PLEASE_SIGN_IN", "กรุณาเข้าสู่ระบบ")
                .containsEntry("PAGE_LOGIN_USERNAME", "ชื่อผู้ใช้")
                .containsEntry("PAGE_LOGIN_PASSWORD", "รหัสผ่าน")
                .containsEntry("PAGE_LOGIN_SIGN_IN_ACTION", "เข้าสู่ระบบ");
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
        assertThat(config).contains("customScripts: ['scripts/camunda-form-validity']");
        assertThat(readText(own(TASKLIST + "scripts/camunda-form-validity.js")))
                .contains("camTasklistFormDirective", "notifyFormValidated");
        assertThat(original).contains("export default");
        assertThat(config).contains("export default");
    }
}
