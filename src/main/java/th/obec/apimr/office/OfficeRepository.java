package th.obec.apimr.office;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfficeRepository extends JpaRepository<Office, String> {

    List<Office> findAllByOrderByCode();

    List<Office> findByActiveTrueOrderByCode();
}
