package th.obec.apimr.indicator;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorRepository extends JpaRepository<Indicator, Long> {

    @EntityGraph(attributePaths = "measures")
    List<Indicator> findByFiscalYearOrderBySortOrder(int fiscalYear);
}
