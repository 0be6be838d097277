package th.obec.apimr.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import th.obec.apimr.support.PostgresTestDatabase;

/**
 * Two imports of the same new office at the same moment (two administrators, or two nodes of a cluster) on
 * PostgreSQL: they take turns (the reference data lock), so both succeed and the office, its groups and its tenant
 * exist once. Without the lock both would read the office as new and the second insert would fail.
 */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class) // first: its afterAll runs after Spring closed the context
@SpringBootTest(properties = "camunda.bpm.process-engine-name=concurrentImports")
@ActiveProfiles("refdatatest")
@DirtiesContext
class ConcurrentImportsOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }

    @Autowired
    OfficeImporter importer;

    @Autowired
    IdentityService identityService;

    @Test
    void twoImportsOfANewOfficeAtTheSameMomentBothSucceedAndCreateItOnce() throws Exception {
        List<String> lines = ShippedOffices.officeLines();
        String template = lines.get(ShippedOffices.lineOf("P5002") - 1);
        String added = ShippedOffices.replaceCell(ShippedOffices.replaceCell(ShippedOffices.replaceCell(template,
                1, "P5099"), 3, "สพป.ทดสอบ เขต 99"), 4, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 99");
        lines.add(added);
        byte[] csv = ShippedOffices.join(lines);

        CountDownLatch together = new CountDownLatch(1);
        List<Callable<ImportSummary>> imports = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            imports.add(() -> {
                together.await();
                return importer.importOffices(csv);
            });
        }
        ExecutorService administrators = Executors.newFixedThreadPool(2);
        List<ImportSummary> summaries = new ArrayList<>();
        try {
            List<Future<ImportSummary>> running = new ArrayList<>();
            imports.forEach(call -> running.add(administrators.submit(call)));
            together.countDown();
            for (Future<ImportSummary> result : running) {
                summaries.add(result.get());
            }
        } finally {
            administrators.shutdownNow();
        }

        assertThat(summaries).containsExactlyInAnyOrder(new ImportSummary(1, 0, 245, 0),
                new ImportSummary(0, 0, 246, 0));
        assertThat(identityService.createGroupQuery().groupId(Groups.coordinators("P5099")).count()).isEqualTo(1);
        assertThat(identityService.createTenantQuery().tenantId("P5099").count()).isEqualTo(1);
    }
}
