package th.obec.apimr.plan;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByOfficeCycleId(Long officeCycleId);
}
