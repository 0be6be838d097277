package th.obec.apimr.deadline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskEscalationRepository extends JpaRepository<TaskEscalation, Long> {

    boolean existsByTaskId(String taskId);

    List<TaskEscalation> findByCycleIdOrderByEscalatedAtAscIdAsc(Long cycleId);

    List<TaskEscalation> findAllByOrderByEscalatedAtAscIdAsc();
}
