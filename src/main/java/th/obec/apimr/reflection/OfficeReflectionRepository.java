package th.obec.apimr.reflection;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficeReflectionRepository extends JpaRepository<OfficeReflection, Long> {

    Optional<OfficeReflection> findByOfficeCycleId(Long officeCycleId);

    long countByCycleId(Long cycleId);
}
