package th.obec.apimr.cycle;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficeDeadlineRepository extends JpaRepository<OfficeDeadline, OfficeDeadline.Key> {

    List<OfficeDeadline> findByCycleIdAndDeadline(Long cycleId, Deadline deadline);
}
