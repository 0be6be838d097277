package th.obec.apimr.rollup;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.rollup.SampleView.SaveRequest;
import th.obec.apimr.security.CurrentUser;
import th.obec.apimr.task.FormValidationException;

/**
 * The national roll-up of a round for OBEC (administrators and monitors read it; others get 403): as JSON, as a
 * CSV file, as an Excel workbook; and the follow-up sample, which only administrators save. {@code round} is
 * {@code MID_YEAR} / {@code mid-year} or {@code ANNUAL} / {@code annual}.
 */
@RestController
@RequestMapping("/api/rollup/cycles/{cycleId}/rounds/{round}")
class RollupController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RollupService rollups;
    private final FollowUpSamples samples;
    private final CurrentUser currentUser;

    RollupController(RollupService rollups, FollowUpSamples samples, CurrentUser currentUser) {
        this.rollups = rollups;
        this.samples = samples;
        this.currentUser = currentUser;
    }

    @GetMapping
    Rollup rollup(@PathVariable Long cycleId, @PathVariable String round) {
        requireReader();
        return find(cycleId, round);
    }

    @GetMapping("/csv")
    ResponseEntity<byte[]> csv(@PathVariable Long cycleId, @PathVariable String round) {
        requireReader();
        Rollup rollup = find(cycleId, round);
        byte[] body = RollupCsv.write(RollupTables.of(rollup, samples.view(rollup, null, false)));
        return download(body, TEXT_CSV, fileName(rollup, "csv"));
    }

    @GetMapping("/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable Long cycleId, @PathVariable String round) {
        requireReader();
        Rollup rollup = find(cycleId, round);
        byte[] body = RollupWorkbook.write(RollupTables.of(rollup, samples.view(rollup, null, false)));
        return download(body, XLSX, fileName(rollup, "xlsx"));
    }

    /** The saved sample; else (or with {@code suggest=true}) the suggestion of {@code size} offices. */
    @GetMapping("/sample")
    SampleView sample(@PathVariable Long cycleId, @PathVariable String round,
                      @RequestParam(required = false) Integer size,
                      @RequestParam(defaultValue = "false") boolean suggest) {
        requireReader();
        return samples.view(find(cycleId, round), size, suggest).withCanSave(currentUser.isMemberOf(Groups.OBEC_ADMIN));
    }

    /** Body: {@code {"sampleSize": 120, "officeCodes": ["P5002", "S1001"]}}; OBEC administrators only. */
    @PutMapping("/sample")
    SampleView saveSample(@PathVariable Long cycleId, @PathVariable String round, @RequestBody SaveRequest body) {
        String userId = currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return samples.save(find(cycleId, round), body, userId).withCanSave(true);
    }

    private void requireReader() {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN, Groups.OBEC_MONITOR);
    }

    private Rollup find(Long cycleId, String round) {
        return rollups.rollup(cycleId, round(round))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่พบวงจร " + cycleId));
    }

    static Round round(String value) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Round round : Round.values()) {
            if (round.name().equals(name)) {
                return round;
            }
        }
        throw new FormValidationException("round", "รอบต้องเป็น MID_YEAR (รอบ 6 เดือน) หรือ ANNUAL (รอบ 12 เดือน)",
                "round must be MID_YEAR or ANNUAL");
    }

    private static String fileName(Rollup rollup, String extension) {
        return "apimr-rollup-FY" + rollup.fiscalYear() + "-" + rollup.round().name() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(body);
    }
}
