package th.obec.apimr.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import th.obec.apimr.cluster.ReferenceDataLock;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeStartup;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.office.OfficesImported;
import th.obec.apimr.office.RegionView;
import th.obec.apimr.office.RegionsImported;

/**
 * Makes sure the engine's groups match the reference data: per office its coordinators and directors, per
 * inspection region its reviewers, plus {@code obec-admin} and {@code obec-monitor}. Runs at every start-up
 * (after the offices are loaded) and inside every office or region import's transaction. Idempotent: the
 * existing groups are read once; only missing groups are created and only changed names are saved. Groups of
 * offices that became inactive are kept, as their tasks and history refer to them.
 */
@Component
@Order(IdentitySync.ORDER)
public class IdentitySync implements ApplicationRunner {

    /** The order of the start-up synchronisation: after the offices, before demo data. */
    public static final int ORDER = OfficeStartup.ORDER + 100;

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

    private final IdentityService identityService;
    private final OfficeService offices;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ReferenceDataLock lock;

    IdentitySync(IdentityService identityService, OfficeService offices, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, ReferenceDataLock lock) {
        this.identityService = identityService;
        this.offices = offices;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync();
    }

    @EventListener
    void officesImported(OfficesImported event) {
        sync();
    }

    @EventListener
    void regionsImported(RegionsImported event) {
        sync();
    }

    /**
     * Creates missing groups and renames changed ones, in one transaction (joining the caller's, if any), then
     * publishes {@link GroupsSynchronised} in that transaction. Nodes of a cluster take turns
     * ({@link ReferenceDataLock}).
     */
    public GroupSyncSummary sync() {
        return transaction.execute(status -> {
            lock.lockForThisTransaction();
            GroupSyncSummary summary = syncGroups();
            events.publishEvent(new GroupsSynchronised(summary));
            return summary;
        });
    }

    private GroupSyncSummary syncGroups() {
        Map<String, String> wanted = wantedGroups();
        Map<String, Group> existing = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, Function.identity(), (a, b) -> a));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            Group group = existing.get(entry.getKey());
            if (group == null) {
                group = identityService.newGroup(entry.getKey());
                group.setName(entry.getValue());
                group.setType(Groups.TYPE);
                identityService.saveGroup(group);
                created++;
            } else if (!Objects.equals(group.getName(), entry.getValue()) || !Groups.TYPE.equals(group.getType())) {
                group.setName(entry.getValue());
                group.setType(Groups.TYPE);
                identityService.saveGroup(group);
                updated++;
            } else {
                unchanged++;
            }
        }
        if (created + updated > 0) {
            LOG.info("Groups synchronised: {} created, {} renamed, {} unchanged", created, updated, unchanged);
        }
        return new GroupSyncSummary(created, updated, unchanged);
    }

    /** Group id to name, for every group the reference data calls for. */
    private Map<String, String> wantedGroups() {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(Groups.OBEC_ADMIN, "ผู้ดูแลระบบ สพฐ. (OBEC administrators)");
        wanted.put(Groups.OBEC_MONITOR, "ผู้ติดตามและประเมินผล สพฐ. (OBEC monitoring and evaluation)");
        for (RegionView region : offices.regions()) {
            wanted.put(Groups.reviewers(region.code()), "ผู้กลั่นกรอง " + region.nameTh());
        }
        for (OfficeView office : offices.all()) {
            wanted.put(Groups.coordinators(office.code()), "ผู้ประสานงาน " + office.shortNameTh());
            wanted.put(Groups.directors(office.code()), "ผู้บริหาร " + office.shortNameTh());
        }
        return wanted;
    }
}
