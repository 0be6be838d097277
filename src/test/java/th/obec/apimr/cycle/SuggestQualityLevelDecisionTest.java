package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision_SuggestQualityLevel: the quality level (1-5) suggested to the reviewer of an indicator report.
 */
@Deployment(resources = "processes/SuggestQualityLevel.dmn")
class SuggestQualityLevelDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    private static final List<Double> PERCENTS = Arrays.asList(null, 0.0, 25.0, 49.9, 50.0, 69.9, 70.0, 79.9, 80.0,
            89.9, 90.0, 100.0, 135.0);

    @BeforeAll
    static void quietLogging() {
        ModelTestSupport.quietLogging();
    }

    @ParameterizedTest(name = "{0}% evidence {1} self {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            // with a countable base: the achievement, backed by evidence for the two top levels
            "95.0,  5, 1, 5",
            "90.0,  4, 3, 5",
            "135.0, 4, 2, 5",
            "90.0,  3, 5, 4",
            "89.9,  5, 5, 4",
            "80.0,  3, 3, 4",
            "80.0,  2, 5, 3",
            "79.9,  5, 5, 3",
            "70.0,  0, 1, 3",
            "69.9,  5, 5, 2",
            "50.0,  0, 1, 2",
            "49.9,  5, 5, 1",
            "0.0,   5, 5, 1",
            // no countable base: the evidence, never above the self-assessed level + 1
            "-,     5, 5, 5",
            "-,     5, 4, 5",
            "-,     5, 3, 4",
            "-,     4, 4, 4",
            "-,     4, 2, 3",
            "-,     3, 2, 3",
            "-,     3, 1, 2",
            "-,     2, 5, 2",
            "-,     1, 5, 1",
            "-,     0, 1, 1",
    })
    void suggestsALevel(Double achievementPercent, int evidenceScore, int selfAssessedLevel, int expected) {
        assertThat(suggest(achievementPercent, evidenceScore, selfAssessedLevel)).isEqualTo(expected);
    }

    @Test
    void alwaysSuggestsOneLevelFromOneToFive() {
        List<String> outOfRange = new ArrayList<>();
        for (Double percent : PERCENTS) {
            for (int evidence = 0; evidence <= 5; evidence++) {
                for (int self = 1; self <= 5; self++) {
                    DmnDecisionResult result = evaluate(percent, evidence, self);
                    assertThat(result).hasSize(1);
                    Integer level = result.getSingleEntry();
                    if (level < 1 || level > 5 || (percent == null && level > self + 1)) {
                        outOfRange.add(percent + "/" + evidence + "/" + self + " -> " + level);
                    }
                }
            }
        }
        assertThat(outOfRange).isEmpty();
    }

    @Test
    void aHigherAchievementNeverLowersTheSuggestion() {
        for (int evidence = 0; evidence <= 5; evidence++) {
            for (int self = 1; self <= 5; self++) {
                int previous = 0;
                for (Double percent : PERCENTS.subList(1, PERCENTS.size())) {
                    int level = suggest(percent, evidence, self);
                    assertThat(level).as(percent + "% evidence " + evidence + " self " + self)
                            .isGreaterThanOrEqualTo(previous);
                    previous = level;
                }
            }
        }
    }

    @Test
    void isVersionedAndKeptTenYears() {
        DecisionDefinition decision = extension.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("Decision_SuggestQualityLevel").singleResult();
        assertThat(decision.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(decision.getVersionTag()).isEqualTo("1.0");
    }

    private int suggest(Double achievementPercent, int evidenceScore, int selfAssessedLevel) {
        Integer level = evaluate(achievementPercent, evidenceScore, selfAssessedLevel).getSingleEntry();
        return level;
    }

    private DmnDecisionResult evaluate(Double achievementPercent, int evidenceScore, int selfAssessedLevel) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("achievementPercent", achievementPercent);
        variables.put("evidenceScore", evidenceScore);
        variables.put("selfAssessedLevel", selfAssessedLevel);
        return extension.getDecisionService().evaluateDecisionByKey("Decision_SuggestQualityLevel")
                .variables(variables).evaluate();
    }
}
