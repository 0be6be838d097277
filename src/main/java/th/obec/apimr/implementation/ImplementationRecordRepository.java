package th.obec.apimr.implementation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImplementationRecordRepository extends JpaRepository<ImplementationRecord, Long> {

    List<ImplementationRecord> findByOfficeCycleIdOrderBySequenceNo(Long officeCycleId);

    Optional<ImplementationRecord> findFirstByOfficeCycleIdOrderBySequenceNoDesc(Long officeCycleId);

    Optional<ImplementationRecord> findFirstByOfficeCycleIdAndDirectorDecisionIsNotNullOrderBySequenceNoDesc(
            Long officeCycleId);

    long countByOfficeCycleId(Long officeCycleId);
}
