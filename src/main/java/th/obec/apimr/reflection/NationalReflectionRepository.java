package th.obec.apimr.reflection;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NationalReflectionRepository extends JpaRepository<NationalReflection, Long> {

    Optional<NationalReflection> findByCycleId(Long cycleId);
}
