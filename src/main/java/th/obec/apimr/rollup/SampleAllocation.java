package th.obec.apimr.rollup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suggested sample of offices for on-site follow-up (seed 001 chose 120 of 245 offices across the 18
 * inspection regions), stratified by quality level and inspection region.
 * <ul>
 * <li>Strata: offices with a quality level in the round, grouped by (level, region); ordered level 5 down to 1,
 * then region code.</li>
 * <li>Allocation proportional to the stratum's size, at least one office per stratum when the sample has room for
 * one per stratum; the rounding (largest remainder) never gives a stratum more offices than it has. When the sample
 * is smaller than the number of strata, the largest strata get one office each.</li>
 * <li>Within a stratum, offices are taken in the order of SHA-256 of {@code seed:officeCode}: a spread that looks
 * random but is the same for the same offices, levels, size and seed.</li>
 * </ul>
 */
final class SampleAllocation {

    private SampleAllocation() {
    }

    /** An office that can be sampled. */
    record Candidate(String officeCode, int qualityLevel, String regionCode) {

        Stratum stratum() {
            return new Stratum(qualityLevel, regionCode == null ? "" : regionCode);
        }
    }

    /** A quality level in an inspection region. */
    record Stratum(int qualityLevel, String regionCode) implements Comparable<Stratum> {

        private static final Comparator<Stratum> ORDER = Comparator.comparingInt(Stratum::qualityLevel).reversed()
                .thenComparing(Stratum::regionCode);

        @Override
        public int compareTo(Stratum other) {
            return ORDER.compare(this, other);
        }
    }

    /** The offices chosen (in stratum order) and how many each stratum got. */
    record Result(List<String> chosen, Map<Stratum, Integer> allocation) {
    }

    /** The default size: the share seed 001 took (120 of 245), rounded, at least one when there is an office. */
    static int defaultSize(int population) {
        if (population == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round(population * 120.0 / 245));
    }

    static Result choose(List<Candidate> candidates, int size, String seed) {
        Map<Stratum, List<Candidate>> strata = new TreeMap<>();
        for (Candidate candidate : candidates) {
            strata.computeIfAbsent(candidate.stratum(), s -> new ArrayList<>()).add(candidate);
        }
        Map<Stratum, Integer> sizes = new LinkedHashMap<>();
        strata.forEach((stratum, members) -> sizes.put(stratum, members.size()));
        Map<Stratum, Integer> allocation = allocate(sizes, size);

        List<String> chosen = new ArrayList<>();
        strata.forEach((stratum, members) -> members.stream()
                .sorted(Comparator.comparing((Candidate c) -> order(seed, c.officeCode()))
                        .thenComparing(Candidate::officeCode))
                .limit(allocation.get(stratum))
                .forEach(c -> chosen.add(c.officeCode())));
        return new Result(chosen, allocation);
    }

    /**
     * How many of each stratum to take so that they add up to {@code size} (or to the population, when smaller).
     * The strata come in the order ties are broken in.
     */
    static Map<Stratum, Integer> allocate(Map<Stratum, Integer> sizes, int size) {
        long population = sizes.values().stream().mapToLong(Integer::longValue).sum();
        Map<Stratum, Integer> allocation = new LinkedHashMap<>();
        sizes.keySet().forEach(stratum -> allocation.put(stratum, 0));
        if (size <= 0 || population == 0) {
            return allocation;
        }
        if (size >= population) {
            allocation.putAll(sizes);
            return allocation;
        }
        List<Stratum> order = new ArrayList<>(sizes.keySet());
        long strataCount = sizes.values().stream().filter(n -> n > 0).count();
        if (size < strataCount) {
            // no room for one per stratum: the largest strata (by their proportional share) get one each
            order.stream()
                    .filter(stratum -> sizes.get(stratum) > 0)
                    .sorted(Comparator.comparingInt((Stratum s) -> sizes.get(s)).reversed())
                    .limit(size)
                    .forEach(stratum -> allocation.put(stratum, 1));
            return allocation;
        }
        // the proportional share of stratum h is size * N_h / N; compare shares exactly as size * N_h - k * N
        int total = 0;
        for (Stratum stratum : order) {
            int members = sizes.get(stratum);
            int share = (int) (size * (long) members / population);
            int given = members == 0 ? 0 : Math.min(members, Math.max(1, share));
            allocation.put(stratum, given);
            total += given;
        }
        while (total < size) {
            Stratum next = null;
            long best = Long.MIN_VALUE;
            for (Stratum stratum : order) {
                int given = allocation.get(stratum);
                if (given >= sizes.get(stratum)) {
                    continue;
                }
                long shortfall = size * (long) sizes.get(stratum) - given * population;
                if (shortfall > best) {
                    best = shortfall;
                    next = stratum;
                }
            }
            allocation.merge(next, 1, Integer::sum);
            total++;
        }
        while (total > size) {
            Stratum next = null;
            long best = Long.MIN_VALUE;
            for (Stratum stratum : order) {
                int given = allocation.get(stratum);
                if (given <= 1) {
                    continue;
                }
                long excess = given * population - size * (long) sizes.get(stratum);
                if (excess > best) {
                    best = excess;
                    next = stratum;
                }
            }
            allocation.merge(next, -1, Integer::sum);
            total--;
        }
        return allocation;
    }

    private static String order(String seed, String officeCode) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((seed + ":" + officeCode).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
