package th.obec.apimr.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped inspection regions and offices at start-up when their tables are empty (a new database).
 * Runs before anything that needs offices: start-up runners that do should be ordered after {@link #ORDER}.
 */
@Component
@Order(OfficeStartup.ORDER)
public class OfficeStartup implements ApplicationRunner {

    /** The order of this runner among the application's start-up runners. */
    public static final int ORDER = 100;

    private static final Logger LOG = LoggerFactory.getLogger(OfficeStartup.class);

    private final OfficeImporter importer;
    private final OfficeRepository offices;
    private final InspectionRegionRepository regions;
    private final ResourceLoader resources;
    private final String regionsFile;
    private final String officesFile;

    OfficeStartup(OfficeImporter importer, OfficeRepository offices, InspectionRegionRepository regions,
                  ResourceLoader resources,
                  @Value("${apimr.reference-data.regions-file:classpath:data/inspection-regions.csv}") String regionsFile,
                  @Value("${apimr.reference-data.offices-file:classpath:data/offices.csv}") String officesFile) {
        this.importer = importer;
        this.offices = offices;
        this.regions = regions;
        this.resources = resources;
        this.regionsFile = regionsFile;
        this.officesFile = officesFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.count() == 0) {
            LOG.info("No inspection regions yet: importing {}", regionsFile);
            importer.importRegions(read(regionsFile));
        }
        if (offices.count() == 0) {
            LOG.info("No offices yet: importing {}", officesFile);
            importer.importOffices(read(officesFile));
        }
    }

    private byte[] read(String location) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data file " + location, e);
        }
    }
}
