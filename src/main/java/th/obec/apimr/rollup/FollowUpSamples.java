package th.obec.apimr.rollup;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleCalendar;
import th.obec.apimr.report.QualityLevel;
import th.obec.apimr.rollup.Rollup.OfficeRow;
import th.obec.apimr.rollup.SampleAllocation.Candidate;
import th.obec.apimr.rollup.SampleAllocation.Stratum;
import th.obec.apimr.rollup.SampleStore.SavedOffice;
import th.obec.apimr.rollup.SampleStore.SavedSample;
import th.obec.apimr.rollup.SampleView.LevelShare;
import th.obec.apimr.rollup.SampleView.SampleOffice;
import th.obec.apimr.rollup.SampleView.SaveRequest;
import th.obec.apimr.rollup.SampleView.StratumShare;
import th.obec.apimr.system.ThaiFormats;
import th.obec.apimr.task.FormValidationException;

/**
 * The sample of offices for on-site follow-up: suggested by {@link SampleAllocation} from the round's quality levels
 * and the offices' inspection regions, adjusted and saved by an OBEC administrator, shown as saved thereafter.
 */
@Service
class FollowUpSamples {

    static final String SAMPLE_SIZE = "sampleSize";
    static final String OFFICE_CODES = "officeCodes";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final SampleStore store;
    private final CycleCalendar calendar;

    FollowUpSamples(SampleStore store, CycleCalendar calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    /**
     * The saved sample of the round; or the suggestion of {@code size} offices (default: seed 001's share) when
     * none is saved or {@code suggest} asks for a fresh one.
     */
    @Transactional(readOnly = true)
    SampleView view(Rollup rollup, Integer size, boolean suggest) {
        Optional<SavedSample> saved = suggest ? Optional.empty() : store.find(rollup.cycleId(), rollup.round());
        if (saved.isPresent()) {
            return savedView(rollup, saved.get());
        }
        int sampleSize = size(rollup, size, "size");
        List<String> chosen = suggestion(rollup, sampleSize);
        Map<String, String> chosenBy = new LinkedHashMap<>();
        chosen.forEach(code -> chosenBy.put(code, SampleStore.SUGGESTED));
        return view(rollup, false, null, null, sampleSize, chosenBy, Map.of());
    }

    /**
     * Saves the administrator's sample, replacing the round's earlier one. Refuses (400, field named) an unknown
     * size, an empty list or an office outside the cycle; nothing is saved then.
     */
    @Transactional
    SampleView save(Rollup rollup, SaveRequest request, String userId) {
        int sampleSize = size(rollup, request.sampleSize(), SAMPLE_SIZE);
        if (request.officeCodes() == null || request.officeCodes().isEmpty()) {
            throw new FormValidationException(OFFICE_CODES, "เลือก สพท. อย่างน้อย 1 เขต",
                    "choose at least one office");
        }
        Map<String, OfficeRow> offices = officesByCode(rollup);
        Set<String> codes = new LinkedHashSet<>();
        for (String code : request.officeCodes()) {
            String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (!offices.containsKey(normalised)) {
                throw new FormValidationException(OFFICE_CODES,
                        "สพท. " + code + " ไม่ได้อยู่ในวงจรนี้", "office " + code + " does not take part in the cycle");
            }
            codes.add(normalised);
        }
        Set<String> suggested = new HashSet<>(suggestion(rollup, sampleSize));
        List<SavedOffice> saved = codes.stream()
                .map(code -> new SavedOffice(code, offices.get(code).regionCode(), offices.get(code).qualityLevel(),
                        suggested.contains(code) ? SampleStore.SUGGESTED : SampleStore.ADMIN))
                .toList();
        store.save(rollup.cycleId(), rollup.round(), sampleSize, userId, ClockUtil.getCurrentTime().toInstant(),
                saved);
        return savedView(rollup, store.find(rollup.cycleId(), rollup.round()).orElseThrow());
    }

    private SampleView savedView(Rollup rollup, SavedSample sample) {
        Map<String, String> chosenBy = new LinkedHashMap<>();
        Map<String, SavedOffice> snapshot = new LinkedHashMap<>();
        for (SavedOffice office : sample.offices()) {
            chosenBy.put(office.officeCode(), office.chosenBy());
            snapshot.put(office.officeCode(), office);
        }
        return view(rollup, true, sample.savedBy(), sample.savedAt(), sample.sampleSize(), chosenBy, snapshot);
    }

    private List<String> suggestion(Rollup rollup, int sampleSize) {
        List<Candidate> candidates = rollup.offices().stream()
                .filter(office -> office.qualityLevel() != null)
                .map(office -> new Candidate(office.officeCode(), office.qualityLevel(), office.regionCode()))
                .toList();
        return SampleAllocation.choose(candidates, sampleSize, seed(rollup)).chosen();
    }

    /** Seeds the order within strata: the same for the same cycle and round. */
    static String seed(Rollup rollup) {
        return "FY" + rollup.fiscalYear() + "-" + rollup.round().name();
    }

    private static int size(Rollup rollup, Integer requested, String field) {
        int population = population(rollup);
        if (requested == null) {
            return SampleAllocation.defaultSize(population);
        }
        if (requested < 0 || requested > population) {
            throw new FormValidationException(field,
                    "ขนาดกลุ่มตัวอย่างต้องอยู่ระหว่าง 0 ถึง " + population + " เขต",
                    "the sample size must be between 0 and " + population);
        }
        return requested;
    }

    private static int population(Rollup rollup) {
        return (int) rollup.offices().stream().filter(office -> office.qualityLevel() != null).count();
    }

    /**
     * Builds the view. The frame (per level and stratum) is the round's current levels; a saved office shows the
     * level and region it had when saved.
     */
    private SampleView view(Rollup rollup, boolean saved, String savedBy, Instant savedAt, int sampleSize,
                            Map<String, String> chosenBy, Map<String, SavedOffice> snapshot) {
        Map<String, OfficeRow> offices = officesByCode(rollup);
        Map<String, String> regionNames = new TreeMap<>();
        rollup.offices().forEach(office -> {
            if (office.regionCode() != null) {
                regionNames.putIfAbsent(office.regionCode(), office.regionNameTh());
            }
        });

        List<SampleOffice> sampled = new ArrayList<>();
        for (Map.Entry<String, String> entry : chosenBy.entrySet()) {
            String code = entry.getKey();
            OfficeRow office = offices.get(code);
            SavedOffice kept = snapshot.get(code);
            Integer level = kept != null ? kept.qualityLevel() : office == null ? null : office.qualityLevel();
            String region = kept != null ? kept.regionCode() : office == null ? null : office.regionCode();
            sampled.add(new SampleOffice(code, office == null ? code : office.officeName(), region,
                    region == null ? null : regionNames.get(region), level, QualityLevel.label(level),
                    entry.getValue(), SampleStore.SUGGESTED.equals(entry.getValue())
                            ? "ตามการสุ่มแบบแบ่งชั้น" : "ผู้ดูแลระบบเพิ่มเอง"));
        }
        sampled.sort(Comparator.comparing((SampleOffice o) -> o.qualityLevel() == null ? 0 : o.qualityLevel())
                .reversed()
                .thenComparing(o -> o.regionCode() == null ? "" : o.regionCode())
                .thenComparing(SampleOffice::officeCode));

        Map<Stratum, int[]> strata = new TreeMap<>();
        Map<Integer, int[]> levels = new LinkedHashMap<>();
        for (int level = QualityLevel.MAX; level >= QualityLevel.MIN; level--) {
            levels.put(level, new int[2]);
        }
        Function<String, Boolean> inSample = chosenBy::containsKey;
        for (OfficeRow office : rollup.offices()) {
            if (office.qualityLevel() == null) {
                continue;
            }
            Stratum stratum = new Stratum(office.qualityLevel(), office.regionCode() == null ? "" : office.regionCode());
            int[] counts = strata.computeIfAbsent(stratum, s -> new int[2]);
            int[] levelCounts = levels.get(office.qualityLevel());
            counts[0]++;
            levelCounts[0]++;
            if (inSample.apply(office.officeCode())) {
                counts[1]++;
                levelCounts[1]++;
            }
        }
        List<StratumShare> strataShares = strata.entrySet().stream()
                .map(e -> new StratumShare(e.getKey().qualityLevel(), QualityLevel.label(e.getKey().qualityLevel()),
                        e.getKey().regionCode(), regionNames.get(e.getKey().regionCode()), e.getValue()[0],
                        e.getValue()[1]))
                .toList();
        List<LevelShare> levelShares = levels.entrySet().stream()
                .map(e -> new LevelShare(e.getKey(), QualityLevel.label(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
        int population = population(rollup);
        return new SampleView(rollup.cycleId(), rollup.round(), saved, savedBy, savedAt,
                savedAt == null ? null : moment(savedAt), sampleSize, population,
                rollup.offices().size() - population, levelShares, strataShares, sampled, false);
    }

    private static Map<String, OfficeRow> officesByCode(Rollup rollup) {
        return rollup.offices().stream().collect(Collectors.toMap(OfficeRow::officeCode, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** {@code 5 พฤษภาคม 2566 เวลา 14:05 น.} in the calendar's zone. */
    String moment(Instant instant) {
        ZonedDateTime local = instant.atZone(calendar.zone());
        return ThaiFormats.date(local.toLocalDate()) + " เวลา " + TIME.format(local) + " น.";
    }
}
