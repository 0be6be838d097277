package th.obec.apimr.reflection;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.audit.AuditTrail;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.cycle.Round;

/**
 * The reflections of a cycle: each office's, OBEC's compilation of each round and its national reflection.
 * Each exists once; submitting again (after a rollback of the process) updates it.
 */
@Service
class ReflectionService {

    private final OfficeReflectionRepository officeReflections;
    private final RoundCompilationRepository compilations;
    private final NationalReflectionRepository nationalReflections;
    private final AuditTrail audit;

    ReflectionService(OfficeReflectionRepository officeReflections, RoundCompilationRepository compilations,
                      NationalReflectionRepository nationalReflections, AuditTrail audit) {
        this.audit = audit;
        this.officeReflections = officeReflections;
        this.compilations = compilations;
        this.nationalReflections = nationalReflections;
    }

    @Transactional(readOnly = true)
    Optional<OfficeReflectionInput> officeReflection(Long officeCycleId) {
        return officeReflections.findByOfficeCycleId(officeCycleId).map(OfficeReflection::input);
    }

    @Transactional
    OfficeReflection reflectOnCycle(OfficeCycleView officeCycle, OfficeReflectionInput input, String by, Instant when) {
        Optional<OfficeReflection> existing = officeReflections.findByOfficeCycleId(officeCycle.id());
        OfficeReflectionInput before = existing.map(OfficeReflection::input).orElse(null);
        OfficeReflection reflection = existing
                .orElseGet(() -> new OfficeReflection(officeCycle.cycleId(), officeCycle.id()));
        reflection.record(input, by, when);
        OfficeReflection saved = officeReflections.saveAndFlush(reflection);
        audit.officeChange("OFFICE_REFLECTION", saved.getId(), "SAVE", officeCycle.id(), before, saved.input(),
                by, when);
        return saved;
    }

    @Transactional(readOnly = true)
    long officesReflected(Long cycleId) {
        return officeReflections.countByCycleId(cycleId);
    }

    @Transactional(readOnly = true)
    Optional<RoundCompilationInput> compilation(Long cycleId, Round round) {
        return compilations.findByCycleIdAndRound(cycleId, round).map(RoundCompilation::input);
    }

    @Transactional
    RoundCompilation compile(Long cycleId, Round round, RoundCompilationInput input, String by, Instant when) {
        Optional<RoundCompilation> existing = compilations.findByCycleIdAndRound(cycleId, round);
        RoundCompilationInput before = existing.map(RoundCompilation::input).orElse(null);
        RoundCompilation compilation = existing.orElseGet(() -> new RoundCompilation(cycleId, round));
        compilation.record(input, by, when);
        RoundCompilation saved = compilations.saveAndFlush(compilation);
        audit.nationalChange("ROUND_COMPILATION", saved.getId(), "SAVE_" + round.name(), cycleId, before,
                saved.input(), by, when);
        return saved;
    }

    @Transactional(readOnly = true)
    Optional<NationalReflectionInput> nationalReflection(Long cycleId) {
        return nationalReflections.findByCycleId(cycleId).map(NationalReflection::input);
    }

    @Transactional
    NationalReflection reflectNationally(Long cycleId, NationalReflectionInput input, String by, Instant when) {
        Optional<NationalReflection> existing = nationalReflections.findByCycleId(cycleId);
        NationalReflectionInput before = existing.map(NationalReflection::input).orElse(null);
        NationalReflection reflection = existing.orElseGet(() -> new NationalReflection(cycleId));
        reflection.record(input, by, when);
        NationalReflection saved = nationalReflections.saveAndFlush(reflection);
        audit.nationalChange("NATIONAL_REFLECTION", saved.getId(), "SAVE", cycleId, before, saved.input(),
                by, when);
        return saved;
    }
}
