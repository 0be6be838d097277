package th.obec.apimr.cycle;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CycleRepository extends JpaRepository<Cycle, Long> {

    Optional<Cycle> findByFiscalYear(int fiscalYear);

    Optional<Cycle> findByProcessInstanceId(String processInstanceId);

    /** Counts one more office done with the mid-year round; the row lock serialises concurrent offices. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Cycle c set c.midYearClosed = c.midYearClosed + 1 where c.id = :id")
    int countMidYearClosed(@Param("id") Long id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Cycle c set c.annualClosed = c.annualClosed + 1 where c.id = :id")
    int countAnnualClosed(@Param("id") Long id);
}
