package th.obec.apimr.cycle;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OfficeCycleRepository extends JpaRepository<OfficeCycle, Long> {

    List<OfficeCycle> findByCycleIdOrderByOfficeCode(Long cycleId);

    /**
     * JPQL text rather than a query derived from the method name: Hibernate keeps the plan of a JPQL text, while a
     * derived (criteria) query is translated to SQL again at every call; every office's start asks.
     */
    @Query("select oc from OfficeCycle oc where oc.cycle.id = :cycleId and oc.officeCode = :officeCode")
    Optional<OfficeCycle> findByCycleIdAndOfficeCode(@Param("cycleId") Long cycleId,
                                                     @Param("officeCode") String officeCode);

    @Query("select oc.officeCode from OfficeCycle oc where oc.cycle.id = :cycleId order by oc.officeCode")
    List<String> officeCodes(@Param("cycleId") Long cycleId);

    /** The business key alone: the multi-instance asks for it once per office, no entity needs loading for it. */
    @Query("select oc.businessKey from OfficeCycle oc where oc.cycle.id = :cycleId and oc.officeCode = :officeCode")
    Optional<String> businessKey(@Param("cycleId") Long cycleId, @Param("officeCode") String officeCode);

    long countByCycleId(Long cycleId);
}
