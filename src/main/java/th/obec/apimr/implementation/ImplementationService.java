package th.obec.apimr.implementation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.audit.AuditTrail;
import th.obec.apimr.plan.PlanService;
import th.obec.apimr.plan.ProjectView;
import th.obec.apimr.system.OverviewText;
import th.obec.apimr.system.ThaiFormats;

/** Implementation and decisions (I): progress records of the approved plan's projects, the director's answers. */
@Service
@Transactional(readOnly = true)
public class ImplementationService {

    private static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
    private static final int NOTE_LENGTH = 200;
    private static final int DECISIONS_LENGTH = 1000;

    private final ImplementationRecordRepository records;
    private final PlanService plans;

    private final AuditTrail audit;

    ImplementationService(ImplementationRecordRepository records, PlanService plans, AuditTrail audit) {
        this.audit = audit;
        this.records = records;
        this.plans = plans;
    }

    /**
     * The office's latest progress record as readable text: each project's progress and status, then the
     * decisions taken. Null before the first record.
     */
    public String progressOverview(Long officeCycleId) {
        return latestRecord(officeCycleId).map(this::overview).orElse(null);
    }

    Optional<ImplementationRecord> latestRecord(Long officeCycleId) {
        return records.findFirstByOfficeCycleIdOrderBySequenceNoDesc(officeCycleId);
    }

    /** The director's latest answer to the office, if any. */
    Optional<ImplementationRecord> latestDecided(Long officeCycleId) {
        return records.findFirstByOfficeCycleIdAndDirectorDecisionIsNotNullOrderBySequenceNoDesc(officeCycleId);
    }

    /** The record whose question waits for the director, if any. */
    Optional<ImplementationRecord> awaitingDecision(Long officeCycleId) {
        return latestRecord(officeCycleId).filter(ImplementationRecord::awaitsDecision);
    }

    @Transactional
    ImplementationRecord record(Long officeCycleId, ImplementationInput input, String by, Instant at) {
        int sequenceNo = (int) records.countByOfficeCycleId(officeCycleId) + 1;
        ImplementationRecord saved =
                records.saveAndFlush(new ImplementationRecord(officeCycleId, sequenceNo, input, by, at));
        audit.officeChange(ImplementationAudit.ENTITY, saved.getId(), "RECORD", officeCycleId, null,
                ImplementationAudit.snapshot(saved), by, at);
        return saved;
    }

    /**
     * Saves the director's answer on the record that asked.
     *
     * @throws IllegalStateException when no question waits for the director
     */
    @Transactional
    ImplementationRecord decide(Long officeCycleId, String decision, String by, Instant at) {
        ImplementationRecord record = awaitingDecision(officeCycleId).orElseThrow(() ->
                new IllegalStateException("Office cycle " + officeCycleId + " has no question for the director"));
        Map<String, Object> before = ImplementationAudit.snapshot(record);
        record.decide(decision, by, at);
        ImplementationRecord saved = records.saveAndFlush(record);
        audit.officeChange(ImplementationAudit.ENTITY, saved.getId(), "DECIDE", officeCycleId, before,
                ImplementationAudit.snapshot(saved), by, at);
        return saved;
    }

    private String overview(ImplementationRecord record) {
        Map<Long, String> names = new HashMap<>();
        for (ProjectView project : plans.approvedProjects(record.getOfficeCycleId())) {
            names.put(project.id(), project.name());
        }
        String head = "บันทึกครั้งที่ " + record.getSequenceNo() + " เมื่อ "
                + ThaiFormats.date(LocalDate.ofInstant(record.getRecordedAt(), THAILAND))
                + (record.getRecordedBy() == null ? "" : " โดย " + record.getRecordedBy())
                + "\nความก้าวหน้าของโครงการ";
        List<String> lines = new ArrayList<>();
        for (ProjectProgress progress : record.getProgress()) {
            String name = names.getOrDefault(progress.getProjectId(), "โครงการรหัส " + progress.getProjectId());
            lines.add(progress.getSortOrder() + ". " + name + ": " + progress.getProgressPercent() + "% "
                    + progress.getStatus().labelTh()
                    + (progress.getNote() == null ? "" : " — " + OverviewText.clip(progress.getNote(), NOTE_LENGTH)));
        }
        if (lines.isEmpty()) {
            lines.add(ThaiFormats.NOT_GIVEN);
        }
        String tail = "การตัดสินใจที่ดำเนินการแล้ว\n"
                + OverviewText.clip(record.getDecisionsTaken(), DECISIONS_LENGTH);
        return OverviewText.fit(head, lines, OverviewText.LINES, tail, left -> "… และอีก " + left + " โครงการ");
    }
}
