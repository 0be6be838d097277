package th.obec.apimr.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.TestUsers;

/** The office API over HTTP, signed in with HTTP Basic as engine users. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("refdatatest")
class OfficeApiTest {

    private static final String ADMIN = "refdata.admin";
    private static final String COORDINATOR = "refdata.coordinator";
    private static final String PASSWORD = "secret";
    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    IdentityService identityService;

    @Autowired
    OfficeImporter importer;

    @BeforeEach
    void createUsers() {
        // The REST authentication filter finds the engine in the JVM-wide registry; another test context
        // (an engine of the same name) may have replaced or removed this context's engine there.
        ProcessEngines.registerProcessEngine(processEngine);
        user(ADMIN, Groups.OBEC_ADMIN);
        user(COORDINATOR, Groups.coordinators("P5002"));
    }

    @AfterEach
    void removeUsers() {
        identityService.deleteUser(ADMIN);
        identityService.deleteUser(COORDINATOR);
        importer.importOffices(ShippedOffices.offices());
    }

    @Test
    void anySignedInUserListsTheActiveOffices() {
        ResponseEntity<JsonNode> answer = client(COORDINATOR).get().uri("/api/offices").retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).hasSize(245);
        JsonNode first = answer.getBody().get(0);
        assertThat(first.get("code").asText()).isEqualTo("P1000");
        assertThat(first.get("type").asText()).isEqualTo("PRIMARY");
        assertThat(first.get("shortNameTh").asText()).isEqualTo("สพป.กรุงเทพมหานคร");
        assertThat(first.get("regionCode").asText()).isEqualTo("00");
    }

    @Test
    void anonymousCallersAreRefused() {
        ResponseEntity<String> answer = anonymous().get().uri("/api/offices").retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theImportRefusesCallersOutsideObecAdmin() {
        ResponseEntity<String> answer = client(COORDINATOR).post().uri("/api/admin/offices/import")
                .contentType(TEXT_CSV).body(ShippedOffices.offices()).retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anAdministratorReimportsACsvBodyAndGetsTheSummary() {
        byte[] renamed = ShippedOffices.withLine(ShippedOffices.lineOf("P5002"),
                l -> ShippedOffices.replaceCell(l, 3, "สพป.เชียงใหม่ เขต 2 (ทดสอบ)"));

        ResponseEntity<JsonNode> answer = client(ADMIN).post().uri("/api/admin/offices/import")
                .contentType(TEXT_CSV).body(renamed).retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().get("created").asInt()).isZero();
        assertThat(answer.getBody().get("updated").asInt()).isEqualTo(1);
        assertThat(answer.getBody().get("unchanged").asInt()).isEqualTo(244);
        assertThat(answer.getBody().get("deactivated").asInt()).isZero();
    }

    @Test
    void anAdministratorReimportsAMultipartFile() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(ShippedOffices.offices()) {
            @Override
            public String getFilename() {
                return "offices.csv";
            }
        });

        ResponseEntity<JsonNode> answer = client(ADMIN).post().uri("/api/admin/offices/import")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().get("unchanged").asInt()).isEqualTo(245);
    }

    @Test
    void aMalformedFileAnswers400WithFieldLineAndColumn() {
        int line = ShippedOffices.lineOf("P5002");
        byte[] broken = ShippedOffices.withLine(line, l -> ShippedOffices.replaceCell(l, 2, "สพฐ."));

        ResponseEntity<JsonNode> answer = client(ADMIN).post().uri("/api/admin/offices/import")
                .contentType(TEXT_CSV).body(broken).retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("office_type");
        assertThat(answer.getBody().get("line").asInt()).isEqualTo(line);
        assertThat(answer.getBody().get("column").asInt()).isEqualTo(2);
        assertThat(answer.getBody().get("message").asText()).contains("สพฐ.");
    }

    @Test
    void theRegionImportIsForAdministratorsToo() {
        byte[] regions = ShippedOffices.bytes(ShippedOffices.REGIONS);

        ResponseEntity<String> refused = client(COORDINATOR).post().uri("/api/admin/regions/import")
                .contentType(TEXT_CSV).body(regions).retrieve().toEntity(String.class);
        ResponseEntity<JsonNode> accepted = client(ADMIN).post().uri("/api/admin/regions/import")
                .contentType(TEXT_CSV).body(regions).retrieve().toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody().get("unchanged").asInt()).isEqualTo(19);
    }

    private void user(String id, String groupId) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groupId);
    }

    private RestClient client(String userId) {
        String token = Base64.getEncoder()
                .encodeToString((userId + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
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
