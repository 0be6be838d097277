package th.obec.apimr.reflection;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    ReflectionService(OfficeReflectionRepository officeReflections, RoundCompilationRepository compilations,
                      NationalReflectionRepository nationalReflections) {
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
        OfficeReflection reflection = officeReflections.findByOfficeCycleId(officeCycle.id())
                .orElseGet(() -> new OfficeReflection(officeCycle.cycleId(), officeCycle.id()));
        reflection.record(input, by, when);
        return officeReflections.save(reflection);
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
        RoundCompilation compilation = compilations.findByCycleIdAndRound(cycleId, round)
                .orElseGet(() -> new RoundCompilation(cycleId, round));
        compilation.record(input, by, when);
        return compilations.save(compilation);
    }

    @Transactional(readOnly = true)
    Optional<NationalReflectionInput> nationalReflection(Long cycleId) {
        return nationalReflections.findByCycleId(cycleId).map(NationalReflection::input);
    }

    @Transactional
    NationalReflection reflectNationally(Long cycleId, NationalReflectionInput input, String by, Instant when) {
        NationalReflection reflection = nationalReflections.findByCycleId(cycleId)
                .orElseGet(() -> new NationalReflection(cycleId));
        reflection.record(input, by, when);
        return nationalReflections.save(reflection);
    }
}
