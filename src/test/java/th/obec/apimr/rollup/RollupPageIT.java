package th.obec.apimr.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.HeadlessChromium;

/**
 * The roll-up page in headless Chromium as an OBEC administrator signed in with HTTP Basic: shows the summed
 * figures, prints without its controls, downloads the CSV and saves an adjusted follow-up sample.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RollupPageIT {

    private static final String ADMIN = "it.rollup.admin";
    private static final String PASSWORD = "rollup-pass";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityService identityService;

    @Autowired
    FollowUpSamples samples;

    @Autowired
    RollupService rollups;

    @Test
    void administratorOpensThePrintablePageDownloadsTheCsvAndSavesTheSample() throws IOException {
        user(ADMIN, Groups.OBEC_ADMIN);
        RollupScenario scenario = RollupScenario.create(context, 2761);
        Path downloads = Files.createDirectories(Path.of(System.getProperty("build.dir", "target"), "rollup-downloads"));
        Path csv = downloads.resolve("apimr-rollup-FY2761-MID_YEAR.csv");
        Files.deleteIfExists(csv);

        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "rollup-page")) {
            ChromeDriver driver = (ChromeDriver) browser.driver();
            driver.executeCdpCommand("Page.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            // HTTP Basic as a browser does it: the user answers the API's challenge once (here with the
            // credentials in the address), the browser sends them with the page's requests from then on
            browser.open("http://" + ADMIN + ":" + PASSWORD + "@localhost:" + port + "/api/cycles");
            browser.open("http://localhost:" + port + "/rollup?cycle=" + scenario.cycleId + "&round=mid-year");

            browser.waitForText(By.id("rollup-title"), "ปีงบประมาณ 2761 รอบ 6 เดือน");
            assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).as("signed in").isFalse();
            assertThat(driver.findElement(By.id("rollup-title")).getText()).contains("กำหนดส่งรายงาน 30 เมษายน 2761");
            WebElement assessment = browser.waitFor(By.id("indicator-4"));
            assertThat(assessment.getText())
                    .contains("รวม สพป. (ประถมศึกษา) สพป. (ประถมศึกษา) 110 150 73.33")
                    .contains("รวมทั้งตัวชี้วัด ทุกสังกัด 4 145 210 69.05")
                    .contains("PNW CARE+ (โรงเรียนปลายนาวิทยา)")
                    .contains("งบประมาณจัดสรรล่าช้า · สพป.เชียงใหม่ เขต 1");
            assertThat(driver.findElement(By.id("quality-rows")).getText()).contains("5 ดีเยี่ยม 1 25.00");
            assertThat(driver.findElement(By.id("sample-rows")).getText()).contains("P4001").contains("S1001");
            browser.screenshot("rollup-page");

            // printed, the page keeps its figures and drops its controls
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(driver.findElement(By.id("download-csv")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("sample-save")).isDisplayed()).isFalse();
            assertThat(assessment.isDisplayed()).isTrue();
            browser.screenshot("rollup-page-print");
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            driver.findElement(By.id("download-csv")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "no download in " + downloads
                    + "; the page says: " + driver.findElement(By.id("message")).getText())
                    .until(d -> Files.isRegularFile(csv) && size(csv) > 0);
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
            List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
            assertThat(lines.get(0)).isEqualTo("สรุปผลการติดตาม ปีงบประมาณ 2761 รอบ 6 เดือน");
            assertThat(lines).anyMatch(line -> line.endsWith(",รวม,รวมทั้งตัวชี้วัด,,4,145,210,69.05"));

            // the administrator drops S1001, adds P5002 and saves
            WebElement sampleRows = driver.findElement(By.id("sample-rows"));
            WebElement bangkok = sampleRows.findElements(By.tagName("tr")).stream()
                    .filter(tr -> tr.getText().startsWith("S1001")).findFirst().orElseThrow();
            bangkok.findElement(By.tagName("button")).click();
            new Select(driver.findElement(By.id("sample-add-select"))).selectByValue("P5002");
            driver.findElement(By.id("sample-add")).click();
            driver.findElement(By.id("sample-save")).click();
            browser.waitForText(By.id("message"), "บันทึกกลุ่มตัวอย่างแล้ว");
            browser.waitForText(By.id("sample-status"), "บันทึกแล้วโดย " + ADMIN);
            browser.screenshot("rollup-sample-saved");
        }

        SampleView saved = samples.view(rollups.rollup(scenario.cycleId, Round.MID_YEAR).orElseThrow(), null, false);
        assertThat(saved.saved()).isTrue();
        assertThat(saved.savedBy()).isEqualTo(ADMIN);
        assertThat(RollupScenario.codes(saved.offices())).containsExactly("P4001", "P5002");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void user(String id, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(groupId);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }
}
