package th.obec.apimr.reflection;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import th.obec.apimr.cycle.Round;

interface RoundCompilationRepository extends JpaRepository<RoundCompilation, Long> {

    Optional<RoundCompilation> findByCycleIdAndRound(Long cycleId, Round round);

    long countByCycleIdAndRound(Long cycleId, Round round);
}
