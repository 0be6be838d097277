package th.obec.apimr.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

    List<DeadlineExtension> findByCycleIdOrderByExtendedAtAscIdAsc(Long cycleId);

    List<DeadlineExtension> findByCycleIdAndDeadlineKeyOrderByExtendedAtAscIdAsc(Long cycleId, String deadlineKey);
}
