package th.obec.apimr.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;

/** The roll-up API over HTTP, signed in with HTTP Basic as engine users of each role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RollupApiTest {

    private static final String ADMIN = "rollup.admin";
    private static final String MONITOR = "rollup.monitor";
    private static final String COORDINATOR = "rollup.coordinator";
    private static final String PASSWORD = "secret";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void createUsers() {
        // the REST filter finds the engine in the JVM-wide registry, which another test context may have changed
        ProcessEngines.registerProcessEngine(processEngine);
        user(ADMIN, Groups.OBEC_ADMIN);
        user(MONITOR, Groups.OBEC_MONITOR);
        user(COORDINATOR, Groups.coordinators("P5002"));
    }

    @Test
    void csvHasTheBomThaiHeadersAndTheSummedRows() {
        RollupScenario scenario = RollupScenario.create(context, 2751);

        ResponseEntity<byte[]> answer = client(MONITOR).get().uri(path(scenario, "/csv")).retrieve()
                .toEntity(byte[].class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(answer.getHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(answer.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("apimr-rollup-FY2751-MID_YEAR.csv");
        byte[] body = answer.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n", -1));

        assertThat(lines.get(0)).isEqualTo("สรุปผลการติดตาม ปีงบประมาณ 2751 รอบ 6 เดือน");
        assertThat(lines).contains("กำหนดส่งรายงาน,30 เมษายน 2751", "สพท. ที่ร่วมวงจร (เขต),5");
        int measures = lines.indexOf("ผลการดำเนินงานรายตัวชี้วัด");
        assertThat(lines.get(measures + 1)).isEqualTo(
                "ตัวชี้วัด,ชื่อตัวชี้วัด,สังกัด,รายการ,ฐาน,จำนวนรายงาน,ผลการดำเนินงาน,จำนวนทั้งหมด,ร้อยละ");
        assertThat(lines).anyMatch(line -> line.startsWith("2,") && line.endsWith(
                ",ทุกสังกัด,เด็กออกกลางคันที่ได้รับการช่วยเหลือ,เด็กออกกลางคันทั้งหมดที่ค้นพบ,3,180,250,72.00"));
        assertThat(lines).anyMatch(line -> line.startsWith("4,") && line.endsWith(",สพป. (ประถมศึกษา),"
                + "รวม สพป. (ประถมศึกษา),,,110,150,73.33"));
        assertThat(lines).anyMatch(line -> line.startsWith("4,") && line.endsWith(",รวม,รวมทั้งตัวชี้วัด,,4,145,210,69.05"));
        assertThat(lines).contains(
                "2,P4001,สพป.ขอนแก่น เขต 1,อาสาสมัครพาน้องกลับมาเรียน (อสร.),สพป.ขอนแก่น เขต 1,"
                        + "ค้นหา ติดตาม และช่วยเหลือเด็กออกกลางคันด้วย 4A Model",
                "4,ปัญหา อุปสรรค,สพฐ.,P5001,สพป.เชียงใหม่ เขต 1,งบประมาณจัดสรรล่าช้า",
                "4,ปัญหา อุปสรรค,สพท.,P5001,สพป.เชียงใหม่ เขต 1,\"บุคลากรไม่เพียงพอ, ขาดทักษะการวิเคราะห์ข้อมูล\"",
                "2,ปัญหา อุปสรรค,สพท.,P5002,สพป.เชียงใหม่ เขต 2,\"ผู้ปกครองย้ายถิ่นฐาน \"\"ตามฤดูกาล\"\"\"",
                "5 ดีเยี่ยม,1,25.00", "ยังไม่มีระดับคุณภาพ,1,",
                "P4001,สพป.ขอนแก่น เขต 1,เขตตรวจราชการที่ 12,5 ดีเยี่ยม,ตามการสุ่มแบบแบ่งชั้น");
    }

    @Test
    void workbookOpensWithASheetPerTableAndNumbersInCells() throws IOException {
        RollupScenario scenario = RollupScenario.create(context, 2752);

        ResponseEntity<byte[]> answer = client(ADMIN).get().uri(path(scenario, "/xlsx")).retrieve()
                .toEntity(byte[].class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("apimr-rollup-FY2752-MID_YEAR.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("สรุป", "ผลรายตัวชี้วัด", "วิธีปฏิบัติที่เป็นเลิศ", "ปัญหาและข้อเสนอแนะ",
                    "ระดับคุณภาพ", "ระดับคุณภาพรายเขตตรวจ", "ราย สพท.", "กลุ่มตัวอย่าง", "การจัดสรรตัวอย่าง");

            Sheet measures = workbook.getSheet("ผลรายตัวชี้วัด");
            assertThat(measures.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ผลการดำเนินงานรายตัวชี้วัด");
            assertThat(measures.getRow(1).getCell(8).getStringCellValue()).isEqualTo("ร้อยละ");
            Row secondary = find(measures, row -> "4".equals(text(row, 0))
                    && "สพม. (มัธยมศึกษา)".equals(text(row, 2)) && row.getCell(5) != null);
            assertThat(secondary.getCell(5).getNumericCellValue()).isEqualTo(2.0);
            assertThat(secondary.getCell(6).getNumericCellValue()).isEqualTo(35.0);
            assertThat(secondary.getCell(7).getNumericCellValue()).isEqualTo(60.0);
            assertThat(secondary.getCell(8).getNumericCellValue()).isCloseTo(58.333, org.assertj.core.api.Assertions.within(0.001));

            Sheet levels = workbook.getSheet("ระดับคุณภาพ");
            assertThat(text(levels.getRow(2), 0)).isEqualTo("5 ดีเยี่ยม");
            assertThat(levels.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(levels.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(25.0);

            Sheet sample = workbook.getSheet("กลุ่มตัวอย่าง");
            assertThat(text(sample.getRow(2), 0)).isEqualTo("P4001");
            assertThat(text(sample.getRow(3), 0)).isEqualTo("S1001");
            assertThat(sample.getRow(4)).isNull();
        }
    }

    @Test
    void coordinatorsAreRefusedAndAnonymousCallersMustSignIn() {
        RollupScenario scenario = RollupScenario.create(context, 2753);

        for (String suffix : List.of("", "/csv", "/xlsx", "/sample")) {
            assertThat(client(COORDINATOR).get().uri(path(scenario, suffix)).retrieve().toBodilessEntity()
                    .getStatusCode().value()).as(suffix).isEqualTo(403);
        }
        assertThat(anonymous().get().uri(path(scenario, "")).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        ResponseEntity<JsonNode> monitor = client(MONITOR).get().uri(path(scenario, "")).retrieve()
                .toEntity(JsonNode.class);
        assertThat(monitor.getStatusCode().value()).isEqualTo(200);
        assertThat(monitor.getBody().get("roundLabelTh").asText()).isEqualTo("รอบ 6 เดือน");
        assertThat(monitor.getBody().get("indicators")).hasSize(13);

        ResponseEntity<JsonNode> badRound = client(MONITOR).get()
                .uri("/api/rollup/cycles/" + scenario.cycleId + "/rounds/quarterly").retrieve().toEntity(JsonNode.class);
        assertThat(badRound.getStatusCode().value()).isEqualTo(400);
        assertThat(badRound.getBody().get("field").asText()).isEqualTo("round");
        assertThat(client(MONITOR).get().uri("/api/rollup/cycles/999999/rounds/annual").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void administratorSavesTheSampleAndMonitorsOnlyReadIt() {
        RollupScenario scenario = RollupScenario.create(context, 2754);
        Map<String, Object> body = Map.of("sampleSize", 2, "officeCodes", List.of("P4001", "P5002"));

        ResponseEntity<JsonNode> refused = client(MONITOR).put().uri(path(scenario, "/sample"))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        JsonNode suggestion = client(MONITOR).get().uri(path(scenario, "/sample")).retrieve().body(JsonNode.class);
        assertThat(suggestion.get("saved").asBoolean()).isFalse();
        assertThat(suggestion.get("canSave").asBoolean()).isFalse();

        ResponseEntity<JsonNode> saved = client(ADMIN).put().uri(path(scenario, "/sample"))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().get("saved").asBoolean()).isTrue();
        assertThat(saved.getBody().get("savedBy").asText()).isEqualTo(ADMIN);

        JsonNode shown = client(MONITOR).get().uri(path(scenario, "/sample")).retrieve().body(JsonNode.class);
        assertThat(shown.get("saved").asBoolean()).isTrue();
        assertThat(shown.get("savedBy").asText()).isEqualTo(ADMIN);
        assertThat(shown.get("offices").findValuesAsText("officeCode")).containsExactly("P4001", "P5002");
        assertThat(shown.get("offices").findValuesAsText("chosenBy")).containsExactly("SUGGESTED", "ADMIN");

        ResponseEntity<JsonNode> unknown = client(ADMIN).put().uri(path(scenario, "/sample"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sampleSize", 2, "officeCodes", List.of("P4001", "S9999")))
                .retrieve().toEntity(JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("field").asText()).isEqualTo("officeCodes");
        assertThat(unknown.getBody().get("message").asText()).contains("S9999");
        assertThat(client(ADMIN).get().uri(path(scenario, "/sample")).retrieve().body(JsonNode.class)
                .get("offices").findValuesAsText("officeCode")).containsExactly("P4001", "P5002");
    }

    @Test
    void thePageIsServedToEveryoneAndHoldsNoData() {
        ResponseEntity<String> page = anonymous().get().uri("/rollup?cycle=1&round=MID_YEAR").retrieve()
                .toEntity(String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<script src=\"/rollup/rollup.js\"></script>")
                .contains("สรุปผลการติดตามนโยบายเร่งด่วน");
        assertThat(anonymous().get().uri("/rollup/rollup.js").retrieve().toEntity(String.class).getBody())
                .contains("/api/rollup/cycles/").doesNotContain("innerHTML");
        assertThat(anonymous().get().uri("/rollup/rollup.css").retrieve().toEntity(String.class).getBody())
                .contains("@media print");
    }

    private static String path(RollupScenario scenario, String suffix) {
        return "/api/rollup/cycles/" + scenario.cycleId + "/rounds/mid-year" + suffix;
    }

    private static Row find(Sheet sheet, java.util.function.Predicate<Row> wanted) {
        for (Row row : sheet) {
            if (wanted.test(row)) {
                return row;
            }
        }
        throw new AssertionError("no such row in " + sheet.getSheetName());
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null ? null : row.getCell(column).getStringCellValue();
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

    private RestClient client(String userId) {
        String token = Base64.getEncoder().encodeToString((userId + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    private RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
