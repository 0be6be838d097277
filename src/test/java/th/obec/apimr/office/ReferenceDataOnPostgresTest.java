package th.obec.apimr.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.support.PostgresTestDatabase;

/**
 * The V1 migration, the shipped files and the group synchronisation on PostgreSQL. The engine has a name of its
 * own so that closing this context leaves the JVM-wide "default" engine of other test contexts registered.
 */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class) // first: its afterAll runs after Spring closed the context
@SpringBootTest(properties = "camunda.bpm.process-engine-name=refdataPostgres")
@ActiveProfiles("refdatatest")
@DirtiesContext
class ReferenceDataOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }

    @Autowired
    OfficeService offices;

    @Autowired
    OfficeImporter importer;

    @Autowired
    IndicatorCatalogue catalogue;

    @Autowired
    IdentityService identityService;

    @Test
    void shippedReferenceDataLoadsAndReimportsOnPostgres() {
        assertThat(offices.all()).hasSize(245);
        assertThat(offices.find("P5002")).map(OfficeView::shortNameTh).hasValue("สพป.เชียงใหม่ เขต 2");
        assertThat(importer.importOffices(ShippedOffices.offices())).isEqualTo(new ImportSummary(0, 0, 245, 0));
        assertThat(catalogue.indicators(2566)).hasSize(13);
        assertThat(identityService.createGroupQuery().groupId(Groups.coordinators("S1001")).count()).isEqualTo(1);
    }
}
