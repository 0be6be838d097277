package th.obec.apimr.indicator;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IndicatorSetRepository extends JpaRepository<IndicatorSet, Integer> {

    @Query("select s.fiscalYear from IndicatorSet s order by s.fiscalYear")
    List<Integer> fiscalYears();
}
