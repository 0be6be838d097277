package th.obec.apimr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.office.OfficeImporter;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.office.RegionView;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("refdatatest")
class IdentitySyncTest {

    @Autowired
    IdentitySync identitySync;

    @Autowired
    IdentityService identityService;

    @Autowired
    OfficeService offices;

    @Autowired
    OfficeImporter importer;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void restoreShippedOffices() {
        importer.importOffices(shippedOffices());
    }

    @Test
    void everyOfficeAndRegionHasItsGroupsAfterStartUp() {
        Map<String, Group> groups = groups();

        assertThat(offices.all()).hasSize(245).allSatisfy(office -> {
            assertThat(groups).containsKeys(Groups.coordinators(office.code()), Groups.directors(office.code()));
            assertThat(groups.get(Groups.coordinators(office.code())).getName())
                    .isEqualTo("ผู้ประสานงาน " + office.shortNameTh());
            assertThat(groups.get(Groups.directors(office.code())).getName())
                    .isEqualTo("ผู้บริหาร " + office.shortNameTh());
        });
        assertThat(offices.regions()).hasSize(19).allSatisfy(region ->
                assertThat(groups).containsKey(Groups.reviewers(region.code())));
        assertThat(groups).containsKeys(Groups.OBEC_ADMIN, Groups.OBEC_MONITOR, "region-00-reviewers",
                "office-P5002-coordinators");
        assertThat(groups.get("office-P5002-coordinators").getName()).isEqualTo("ผู้ประสานงาน สพป.เชียงใหม่ เขต 2");
        assertThat(groups.get("region-15-reviewers").getName()).isEqualTo("ผู้กลั่นกรอง เขตตรวจราชการที่ 15");
        assertThat(groups.get("office-P5002-coordinators").getType()).isEqualTo(Groups.TYPE);
    }

    @Test
    void synchronisingAgainChangesNothing() {
        GroupSyncSummary summary = identitySync.sync();

        int expected = 2 * offices.all().size() + offices.regions().size() + 2;
        assertThat(summary).isEqualTo(new GroupSyncSummary(0, 0, expected));
        assertThat(identitySync.sync()).isEqualTo(summary);
    }

    @Test
    void aRenamedOfficeRenamesItsGroupsWithinTheImport() {
        String renamed = new String(shippedOffices(), StandardCharsets.UTF_8)
                .replace(",สพป.เชียงใหม่ เขต 2,", ",สพป.เชียงใหม่ เขต 2 (ใหม่),");

        importer.importOffices(renamed.getBytes(StandardCharsets.UTF_8));

        Map<String, Group> groups = groups();
        assertThat(groups.get(Groups.coordinators("P5002")).getName()).isEqualTo("ผู้ประสานงาน สพป.เชียงใหม่ เขต 2 (ใหม่)");
        assertThat(groups.get(Groups.directors("P5002")).getName()).isEqualTo("ผู้บริหาร สพป.เชียงใหม่ เขต 2 (ใหม่)");
    }

    @Test
    void theGroupsOfAnInactiveOfficeAreKept() {
        String without = new String(shippedOffices(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("P5001,"))
                .collect(Collectors.joining("\n"));

        importer.importOffices(without.getBytes(StandardCharsets.UTF_8));

        assertThat(offices.find("P5001")).map(OfficeView::active).hasValue(false);
        assertThat(groups()).containsKeys(Groups.coordinators("P5001"), Groups.directors("P5001"));
    }

    @Test
    void demoUsersExistOnlyUnderTheDemoProfile() {
        assertThat(context.getBeanNamesForType(DemoUsers.class)).isEmpty();
        assertThat(identityService.createUserQuery().userId(DemoUsers.coordinator("P5002")).count()).isZero();
        assertThat(identityService.createUserQuery().userId(DemoUsers.ANALYST).count()).isZero();
    }

    @Test
    void reviewerGroupsCoverEveryRegionOfTheOffices() {
        Map<String, Group> groups = groups();

        for (RegionView region : offices.regions()) {
            assertThat(groups.get(Groups.reviewers(region.code())).getName()).endsWith(region.nameTh());
        }
    }

    private Map<String, Group> groups() {
        return identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, Function.identity()));
    }

    private static byte[] shippedOffices() {
        try (InputStream in = IdentitySyncTest.class.getClassLoader().getResourceAsStream("data/offices.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
