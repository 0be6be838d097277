package th.obec.apimr.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.audit.AuditTrail;
import th.obec.apimr.system.OverviewText;

/** The policy analyses (A): OBEC's per cycle, each office's per office cycle, with the indicators it chose. */
@Service
@Transactional(readOnly = true)
public class AnalysisService {

    private final NationalAnalysisRepository nationalAnalyses;
    private final OfficeAnalysisRepository officeAnalyses;

    private final AuditTrail audit;

    AnalysisService(NationalAnalysisRepository nationalAnalyses, OfficeAnalysisRepository officeAnalyses,
                    AuditTrail audit) {
        this.audit = audit;
        this.nationalAnalyses = nationalAnalyses;
        this.officeAnalyses = officeAnalyses;
    }

    /**
     * The codes of the indicators the office chose in its analysis, in catalogue order: the indicators it reports
     * on. Empty when the office has not analysed yet.
     */
    public List<String> chosenIndicatorCodes(Long officeCycleId) {
        if (officeCycleId == null) {
            return List.of();
        }
        return List.copyOf(officeAnalyses.chosenIndicatorCodes(officeCycleId));
    }

    /**
     * OBEC's guidance to the offices for a cycle as one readable text (guidance, focus points, policy summary),
     * short enough for a form; empty until OBEC has analysed the national policy.
     */
    public Optional<String> nationalGuidance(Long cycleId) {
        if (cycleId == null) {
            return Optional.empty();
        }
        return nationalAnalyses.guidance(cycleId).map(national -> {
            List<String> parts = new ArrayList<>();
            parts.add("แนวทางสำหรับเขตพื้นที่\n" + national.guidanceToOffices());
            if (national.focusPoints() != null) {
                parts.add("จุดเน้น\n" + national.focusPoints());
            }
            parts.add("สรุปนโยบาย\n" + national.policySummary());
            return OverviewText.clip(OverviewText.join(parts), OverviewText.MAX_LENGTH);
        });
    }

    Optional<NationalAnalysis> nationalAnalysis(Long cycleId) {
        return nationalAnalyses.findByCycleId(cycleId);
    }

    Optional<OfficeAnalysis> officeAnalysis(Long officeCycleId) {
        return officeAnalyses.findByOfficeCycleId(officeCycleId);
    }

    /** Saves OBEC's analysis; a second submission for the same cycle replaces the first. */
    @Transactional
    void saveNational(Long cycleId, NationalAnalysisInput input, String by, Instant at) {
        Optional<NationalAnalysis> existing = nationalAnalyses.findByCycleId(cycleId);
        Map<String, Object> before = AnalysisAudit.snapshot(existing.orElse(null));
        NationalAnalysis analysis = existing.orElseGet(() -> new NationalAnalysis(cycleId));
        analysis.record(input, by, at);
        nationalAnalyses.saveAndFlush(analysis);
        audit.nationalChange(AnalysisAudit.NATIONAL_ENTITY, analysis.getId(), "SAVE", cycleId, before,
                AnalysisAudit.snapshot(analysis), by, at);
    }

    /** Saves an office's analysis; a second submission for the same office cycle replaces the first. */
    @Transactional
    void saveOffice(Long officeCycleId, OfficeAnalysisInput input, String by, Instant at) {
        Optional<OfficeAnalysis> existing = officeAnalyses.findByOfficeCycleId(officeCycleId);
        Map<String, Object> before = AnalysisAudit.snapshot(existing.orElse(null));
        OfficeAnalysis analysis = existing.orElseGet(() -> new OfficeAnalysis(officeCycleId));
        analysis.record(input, by, at);
        officeAnalyses.saveAndFlush(analysis);
        audit.officeChange(AnalysisAudit.OFFICE_ENTITY, analysis.getId(), "SAVE", officeCycleId, before,
                AnalysisAudit.snapshot(analysis), by, at);
    }
}
