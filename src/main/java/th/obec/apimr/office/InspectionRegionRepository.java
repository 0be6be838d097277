package th.obec.apimr.office;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionRegionRepository extends JpaRepository<InspectionRegion, String> {

    List<InspectionRegion> findAllByOrderByCode();
}
