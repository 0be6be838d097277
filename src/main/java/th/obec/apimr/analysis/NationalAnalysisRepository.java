package th.obec.apimr.analysis;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NationalAnalysisRepository extends JpaRepository<NationalAnalysis, Long> {

    Optional<NationalAnalysis> findByCycleId(Long cycleId);
}
