package th.obec.apimr.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import th.obec.apimr.rollup.SampleAllocation.Candidate;
import th.obec.apimr.rollup.SampleAllocation.Result;
import th.obec.apimr.rollup.SampleAllocation.Stratum;

/** The stratified allocation of the follow-up sample, against allocations worked out by hand. */
class SampleAllocationTest {

    @Test
    void allocatesInProportionToTheLevelsOfSeed001() {
        // seed 001's 120 offices by level (26, 36, 37, 19, 2), halved: shares 13, 18, 18.5, 9.5, 1 -> 59 whole;
        // the last office goes to the largest remainder, the first of the two tied at .5 in level order (3)
        Map<Stratum, Integer> sizes = sizes(26, 36, 37, 19, 2);

        assertThat(SampleAllocation.allocate(sizes, 60).values()).containsExactly(13, 18, 19, 9, 1);
    }

    @Test
    void givesEveryStratumOneOfficeWhenThereIsRoomAndTakesTheExcessFromTheMostOverAllocated() {
        Map<Stratum, Integer> sizes = new LinkedHashMap<>();
        sizes.put(new Stratum(5, "01"), 10);
        sizes.put(new Stratum(5, "02"), 5);
        sizes.put(new Stratum(4, "01"), 3);
        sizes.put(new Stratum(3, "02"), 1);
        sizes.put(new Stratum(1, "03"), 1);
        // shares of 8 in 20: 4, 2, 1.2, 0.4, 0.4 -> at least one each: 4, 2, 1, 1, 1 = 9; one too many comes off
        // a stratum at exactly its share, the first in order
        assertThat(SampleAllocation.allocate(sizes, 8).values()).containsExactly(3, 2, 1, 1, 1);
        // room for fewer than one per stratum: the largest strata
        assertThat(SampleAllocation.allocate(sizes, 2).values()).containsExactly(1, 1, 0, 0, 0);
        // the whole frame or more: everyone
        assertThat(SampleAllocation.allocate(sizes, 25).values()).containsExactly(10, 5, 3, 1, 1);
        assertThat(SampleAllocation.allocate(sizes, 0).values()).containsOnly(0);
    }

    @Test
    void choosesTheSameOfficesForTheSameInputsAndTheAllocatedNumberPerStratum() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 245; i++) {
            candidates.add(new Candidate(String.format("P%04d", i), 1 + i % 5, String.format("%02d", i % 18 + 1)));
        }

        Result first = SampleAllocation.choose(candidates, 120, "FY2566-MID_YEAR");
        List<Candidate> reversed = new ArrayList<>(candidates);
        java.util.Collections.reverse(reversed);
        Result again = SampleAllocation.choose(reversed, 120, "FY2566-MID_YEAR");

        assertThat(first.chosen()).hasSize(120).doesNotHaveDuplicates().isEqualTo(again.chosen());
        assertThat(first.allocation().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
        // 5 x 18 strata of 2 or 3 offices: every stratum is represented
        assertThat(first.allocation()).hasSize(90);
        assertThat(first.allocation().values()).allMatch(n -> n >= 1);
        for (Map.Entry<Stratum, Integer> stratum : first.allocation().entrySet()) {
            long chosenInStratum = candidates.stream()
                    .filter(c -> c.stratum().equals(stratum.getKey()) && first.chosen().contains(c.officeCode()))
                    .count();
            assertThat(chosenInStratum).isEqualTo(stratum.getValue().longValue());
        }
        assertThat(SampleAllocation.choose(candidates, 120, "FY2567-MID_YEAR").chosen())
                .as("another round spreads differently").isNotEqualTo(first.chosen());
        assertThat(SampleAllocation.defaultSize(245)).isEqualTo(120);
        assertThat(SampleAllocation.defaultSize(0)).isZero();
    }

    private static Map<Stratum, Integer> sizes(int... byLevel) {
        Map<Stratum, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < byLevel.length; i++) {
            sizes.put(new Stratum(5 - i, "01"), byLevel[i]);
        }
        return sizes;
    }
}
