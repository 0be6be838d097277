package th.obec.apimr.rollup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import th.obec.apimr.cycle.Round;

/** The saved follow-up samples (tables {@code followup_sample} and {@code followup_sample_office}, V11). */
@Repository
class SampleStore {

    static final String SUGGESTED = "SUGGESTED";
    static final String ADMIN = "ADMIN";

    private final JdbcTemplate jdbc;

    SampleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record SavedSample(Long id, int sampleSize, String savedBy, Instant savedAt, List<SavedOffice> offices) {
    }

    record SavedOffice(String officeCode, String regionCode, Integer qualityLevel, String chosenBy) {
    }

    Optional<SavedSample> find(Long cycleId, Round round) {
        return jdbc.query("select id, sample_size, saved_by, saved_at from followup_sample"
                                + " where cycle_id = ? and round = ?",
                        (rs, i) -> new SavedSample(rs.getLong("id"), rs.getInt("sample_size"), rs.getString("saved_by"),
                                rs.getObject("saved_at", OffsetDateTime.class).toInstant(), List.of()),
                        cycleId, round.name())
                .stream().findFirst()
                .map(sample -> new SavedSample(sample.id(), sample.sampleSize(), sample.savedBy(), sample.savedAt(),
                        jdbc.query("select office_code, region_code, quality_level, chosen_by"
                                        + " from followup_sample_office where sample_id = ? order by office_code",
                                (rs, i) -> new SavedOffice(rs.getString("office_code"), rs.getString("region_code"),
                                        (Integer) rs.getObject("quality_level", Integer.class),
                                        rs.getString("chosen_by")),
                                sample.id())));
    }

    /** Replaces the round's saved sample (the caller's transaction keeps it whole). */
    void save(Long cycleId, Round round, int sampleSize, String savedBy, Instant savedAt, List<SavedOffice> offices) {
        find(cycleId, round).ifPresent(old -> {
            jdbc.update("delete from followup_sample_office where sample_id = ?", old.id());
            jdbc.update("delete from followup_sample where id = ?", old.id());
        });
        jdbc.update("insert into followup_sample (cycle_id, round, sample_size, saved_by, saved_at)"
                        + " values (?, ?, ?, ?, ?)",
                cycleId, round.name(), sampleSize, savedBy, OffsetDateTime.ofInstant(savedAt, ZoneOffset.UTC));
        Long id = jdbc.queryForObject("select id from followup_sample where cycle_id = ? and round = ?", Long.class,
                cycleId, round.name());
        for (SavedOffice office : offices) {
            jdbc.update("insert into followup_sample_office (sample_id, office_code, region_code, quality_level,"
                            + " chosen_by) values (?, ?, ?, ?, ?)",
                    id, office.officeCode(), office.regionCode(), office.qualityLevel(), office.chosenBy());
        }
    }
}
