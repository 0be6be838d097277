package th.obec.apimr.rollup;

import java.time.Instant;
import java.util.List;

import th.obec.apimr.cycle.Round;

/**
 * The sample of offices for on-site follow-up after a round: the saved one, or else the suggestion.
 *
 * @param saved              true when an administrator saved it (then {@code savedBy} / {@code savedAt} say who
 *                           and when); false for a suggestion
 * @param savedAtTh          the saving moment in Thai, Buddhist era, Bangkok time
 * @param sampleSize         the size the suggestion was computed for
 * @param population         offices of the cycle with a quality level in the round (the sampling frame)
 * @param officesWithoutLevel offices of the cycle without one (not in the frame; an administrator may still add them)
 * @param byLevel            per quality level, 5 down to 1: offices in the frame and in the sample
 * @param strata             per quality level and inspection region: offices in the frame and in the sample
 * @param offices            the sampled offices, by level (5 first), region and code
 * @param canSave            whether the caller may save a sample (OBEC administrators)
 */
record SampleView(Long cycleId, Round round, boolean saved, String savedBy, Instant savedAt, String savedAtTh,
                  int sampleSize, int population, int officesWithoutLevel, List<LevelShare> byLevel,
                  List<StratumShare> strata, List<SampleOffice> offices, boolean canSave) {

    SampleView {
        byLevel = List.copyOf(byLevel);
        strata = List.copyOf(strata);
        offices = List.copyOf(offices);
    }

    SampleView withCanSave(boolean allowed) {
        return new SampleView(cycleId, round, saved, savedBy, savedAt, savedAtTh, sampleSize, population,
                officesWithoutLevel, byLevel, strata, offices, allowed);
    }

    /** A quality level's offices in the frame and in the sample. */
    record LevelShare(int qualityLevel, String qualityLevelTh, int offices, int chosen) {
    }

    /** A stratum (quality level in an inspection region): offices in the frame and in the sample. */
    record StratumShare(int qualityLevel, String qualityLevelTh, String regionCode, String regionNameTh, int offices,
                        int chosen) {
    }

    /**
     * One office of the sample.
     *
     * @param chosenBy   {@code SUGGESTED} (the stratified suggestion chose it) or {@code ADMIN} (added by hand)
     * @param chosenByTh the same in Thai
     */
    record SampleOffice(String officeCode, String officeName, String regionCode, String regionNameTh,
                        Integer qualityLevel, String qualityLevelTh, String chosenBy, String chosenByTh) {
    }

    /** What an administrator saves: the size the suggestion was made for and the offices, adjusted by hand. */
    record SaveRequest(Integer sampleSize, List<String> officeCodes) {
    }
}
