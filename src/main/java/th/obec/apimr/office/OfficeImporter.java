package th.obec.apimr.office;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cluster.ReferenceDataLock;

/**
 * Imports the office and inspection region CSV files. An import is an upsert by code: new rows are created,
 * changed rows updated, and offices missing from the file become inactive; importing the same file twice
 * changes nothing; imports on several nodes take turns ({@link ReferenceDataLock}). A malformed file is refused as a whole with {@link ImportRejectedException}, naming the line
 * and column of the first problem; nothing of it is saved.
 */
@Service
public class OfficeImporter {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeImporter.class);

    private final OfficeRepository offices;
    private final InspectionRegionRepository regions;
    private final ApplicationEventPublisher events;
    private final ReferenceDataLock lock;
    private final Clock clock;

    OfficeImporter(OfficeRepository offices, InspectionRegionRepository regions, ApplicationEventPublisher events,
                   ReferenceDataLock lock) {
        this.offices = offices;
        this.regions = regions;
        this.events = events;
        this.lock = lock;
        this.clock = Clock.systemUTC();
    }

    /**
     * Imports an office CSV (UTF-8). Publishes {@link OfficesImported} in the same transaction.
     *
     * @throws ImportRejectedException when the file is malformed; nothing is saved
     */
    @Transactional
    public ImportSummary importOffices(byte[] csv) {
        lock.lockForThisTransaction();
        Set<String> knownRegions = regions.findAll().stream().map(InspectionRegion::getCode).collect(Collectors.toSet());
        List<OfficeRecord> records = OfficeCsv.read(csv, knownRegions);
        Instant now = clock.instant();
        Map<String, Office> existing = offices.findAll().stream()
                .collect(Collectors.toMap(Office::getCode, Function.identity()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (OfficeRecord record : records) {
            Office office = existing.remove(record.code());
            if (office == null) {
                office = new Office(record.code());
                office.apply(record, now);
                offices.save(office);
                created++;
            } else if (office.apply(record, now)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        int deactivated = 0;
        for (Office missing : existing.values()) {
            if (missing.deactivate(now)) {
                deactivated++;
            }
        }
        offices.flush();
        ImportSummary summary = new ImportSummary(created, updated, unchanged, deactivated);
        LOG.info("Offices imported: {} created, {} updated, {} unchanged, {} deactivated",
                created, updated, unchanged, deactivated);
        events.publishEvent(new OfficesImported(summary));
        return summary;
    }

    /**
     * Imports an inspection region CSV (UTF-8). Publishes {@link RegionsImported} in the same transaction.
     * Regions are never removed: offices refer to them.
     *
     * @throws ImportRejectedException when the file is malformed; nothing is saved
     */
    @Transactional
    public ImportSummary importRegions(byte[] csv) {
        lock.lockForThisTransaction();
        List<RegionRecord> records = RegionCsv.read(csv);
        Instant now = clock.instant();
        Map<String, InspectionRegion> existing = regions.findAll().stream()
                .collect(Collectors.toMap(InspectionRegion::getCode, Function.identity()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (RegionRecord record : records) {
            InspectionRegion region = existing.get(record.code());
            if (region == null) {
                region = new InspectionRegion(record.code());
                region.apply(record, now);
                regions.save(region);
                created++;
            } else if (region.apply(record, now)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        regions.flush();
        ImportSummary summary = new ImportSummary(created, updated, unchanged, 0);
        LOG.info("Inspection regions imported: {} created, {} updated, {} unchanged", created, updated, unchanged);
        events.publishEvent(new RegionsImported(summary));
        return summary;
    }
}
