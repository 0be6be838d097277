package th.obec.apimr.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads every catalogue file at start-up. A file that cannot be loaded stops the start: a wrong catalogue must
 * not reach offices.
 */
@Component
@Order(IndicatorCatalogue.LOAD_ORDER)
class CatalogueLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueLoader.class);

    private final ResourcePatternResolver resources;
    private final CatalogueWriter writer;
    private final IndicatorCatalogue catalogue;
    private final String location;

    CatalogueLoader(ResourcePatternResolver resources, CatalogueWriter writer, IndicatorCatalogue catalogue,
                    @Value("${apimr.reference-data.indicators:classpath*:data/indicators/*.json}") String location) {
        this.resources = resources;
        this.writer = writer;
        this.catalogue = catalogue;
        this.location = location;
    }

    @Override
    public void run(ApplicationArguments args) {
        load(location);
    }

    /** Loads every file matching the pattern; returns the catalogues found. */
    List<CatalogueFile> load(String pattern) {
        List<CatalogueFile> files = read(pattern);
        try {
            for (CatalogueFile file : files) {
                int changes = writer.save(file);
                LOG.info("Indicator catalogue FY{}: {} indicators, {} changes", file.fiscalYear(),
                        file.indicators().size(), changes);
            }
        } finally {
            catalogue.evict();
        }
        return files;
    }

    private List<CatalogueFile> read(String pattern) {
        Resource[] found;
        try {
            found = resources.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list indicator catalogues at " + pattern, e);
        }
        List<CatalogueFile> files = new ArrayList<>();
        Map<Integer, String> years = new HashMap<>();
        for (Resource resource : found) {
            String name = resource.getDescription();
            try (InputStream in = resource.getInputStream()) {
                CatalogueFile file = CatalogueFile.read(in, name);
                String other = years.putIfAbsent(file.fiscalYear(), name);
                if (other != null) {
                    throw new CatalogueFile.InvalidCatalogueException("ปีงบประมาณ " + file.fiscalYear()
                            + " มีแฟ้มตัวชี้วัดสองแฟ้ม (two catalogues for fiscal year " + file.fiscalYear() + "): "
                            + other + ", " + name, null);
                }
                files.add(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read indicator catalogue " + name, e);
            }
        }
        files.sort(Comparator.comparingInt(CatalogueFile::fiscalYear));
        return files;
    }
}
