package th.obec.apimr.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.rollup.Rollup.IndicatorRollup;
import th.obec.apimr.rollup.SampleView.SaveRequest;
import th.obec.apimr.support.PostgresTestDatabase;

/** The V11 migration, the roll-up's queries and a saved sample on PostgreSQL. */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class) // first: its afterAll runs after Spring closed the context
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class RollupOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    RollupService rollups;

    @Autowired
    FollowUpSamples samples;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void rollupAndSavedSampleOnPostgres() {
        RollupScenario scenario = RollupScenario.create(context, 2566);

        Rollup rollup = rollups.rollup(scenario.cycleId, Round.MID_YEAR).orElseThrow();
        IndicatorRollup assessment = rollup.indicators().stream().filter(i -> i.code().equals("4")).findFirst()
                .orElseThrow();
        assertThat(assessment.achieved()).isEqualTo(145);
        assertThat(assessment.base()).isEqualTo(210);
        assertThat(assessment.practices()).extracting(Rollup.PracticeEntry::name).containsExactly("PNW CARE+");
        assertThat(assessment.problems().obec()).extracting(Rollup.Remark::text).containsExactly("งบประมาณจัดสรรล่าช้า");

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-06-05T07:05:00Z")));
        samples.save(rollup, new SaveRequest(2, List.of("P4001", "S5000")), "pg.admin");
        samples.save(rollup, new SaveRequest(3, List.of("P5001", "P4001", "S1001")), "pg.admin2");

        SampleView saved = samples.view(rollup, null, false);
        assertThat(saved.savedBy()).isEqualTo("pg.admin2");
        assertThat(saved.savedAt()).isEqualTo(Instant.parse("2023-06-05T07:05:00Z"));
        assertThat(saved.savedAtTh()).isEqualTo("5 มิถุนายน 2566 เวลา 14:05 น.");
        assertThat(saved.sampleSize()).isEqualTo(3);
        assertThat(RollupScenario.codes(saved.offices())).containsExactly("P4001", "S1001", "P5001");
    }
}
