package th.obec.apimr.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.task.FormValidationException;

/** Launches cycles, follows each office through the phases and tells the national process when a round is done. */
@Service
public class CycleService {

    private final CycleRepository cycles;
    private final OfficeCycleRepository officeCycles;
    private final OfficeService offices;
    private final IndicatorCatalogue catalogue;
    private final RuntimeService runtimeService;

    CycleService(CycleRepository cycles, OfficeCycleRepository officeCycles, OfficeService offices,
                 IndicatorCatalogue catalogue, RuntimeService runtimeService) {
        this.cycles = cycles;
        this.officeCycles = officeCycles;
        this.offices = offices;
        this.catalogue = catalogue;
        this.runtimeService = runtimeService;
    }

    /**
     * Checks a launch against the reference data and saves the cycle with its calendar and one office cycle per
     * participating office. Refuses with the offending field named; nothing is saved then.
     */
    @Transactional
    public CycleView register(LaunchRequest request, String launchedBy, String processInstanceId) {
        if (cycles.findByFiscalYear(request.fiscalYear()).isPresent()) {
            throw new FormValidationException(LaunchRequest.FISCAL_YEAR,
                    "ปีงบประมาณ " + request.fiscalYear() + " เปิดวงจรไว้แล้ว",
                    "a cycle for fiscal year " + request.fiscalYear() + " already exists");
        }
        if (!catalogue.hasCatalogue(request.catalogueYear())) {
            throw new FormValidationException(LaunchRequest.CATALOGUE_YEAR,
                    "ไม่มีชุดตัวชี้วัดของปีงบประมาณ " + request.catalogueYear(),
                    "no indicator catalogue for fiscal year " + request.catalogueYear());
        }
        Map<Deadline, LocalDate> calendar = CycleCalendar.calendar(request.fiscalYear(), request.deadlines());
        checkCalendar(request.fiscalYear(), calendar);
        Set<String> participants = participants(request.officeCodes());

        Cycle cycle = cycles.save(new Cycle(request.fiscalYear(), request.catalogueYear(), launchedBy,
                ClockUtil.getCurrentTime().toInstant(), calendar, processInstanceId));
        for (String code : participants) {
            officeCycles.save(new OfficeCycle(cycle, code));
        }
        return view(cycle);
    }

    private Set<String> participants(Set<String> requested) {
        if (requested.isEmpty()) {
            Set<String> all = new LinkedHashSet<>();
            offices.activeOffices().forEach(office -> all.add(office.code()));
            if (all.isEmpty()) {
                throw new FormValidationException(LaunchRequest.OFFICE_CODES,
                        "ไม่มีเขตพื้นที่ที่เปิดใช้งาน", "no active area office to take part");
            }
            return all;
        }
        for (String code : requested) {
            Optional<OfficeView> office = offices.find(code);
            if (office.isEmpty()) {
                throw new FormValidationException(LaunchRequest.OFFICE_CODES,
                        "ไม่พบรหัสเขตพื้นที่ " + code, "unknown office code " + code);
            }
            if (!office.get().active()) {
                throw new FormValidationException(LaunchRequest.OFFICE_CODES,
                        "เขตพื้นที่ " + code + " ไม่ได้เปิดใช้งาน", "office " + code + " is not active");
            }
        }
        return requested;
    }

    /** Deadlines lie in or near the fiscal year and follow the order of the cycle's steps. */
    private static void checkCalendar(int fiscalYear, Map<Deadline, LocalDate> calendar) {
        LocalDate earliest = CycleCalendar.earliestDate(fiscalYear);
        LocalDate latest = CycleCalendar.latestDate(fiscalYear);
        Deadline previous = null;
        for (Deadline deadline : Deadline.values()) {
            LocalDate date = calendar.get(deadline);
            if (date.isBefore(earliest) || date.isAfter(latest)) {
                throw new FormValidationException(deadline.formField(),
                        "วันที่อยู่นอกช่วงปีงบประมาณ " + fiscalYear + " (" + earliest + " ถึง " + latest + ")",
                        "date outside fiscal year " + fiscalYear + " (" + earliest + " to " + latest + ")");
            }
            if (previous != null && date.isBefore(calendar.get(previous))) {
                throw new FormValidationException(deadline.formField(),
                        "ต้องไม่ก่อนกำหนด" + previous.labelTh(),
                        "must not be before " + previous.formField());
            }
            previous = deadline;
        }
    }

    @Transactional(readOnly = true)
    public Optional<CycleView> cycle(Long id) {
        return cycles.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    public List<CycleView> cycles() {
        return cycles.findAll().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<String> officeCodes(Long cycleId) {
        return officeCycles.officeCodes(cycleId);
    }

    @Transactional(readOnly = true)
    public String businessKey(Long cycleId, String officeCode) {
        return officeCycles.businessKey(cycleId, officeCode).orElseThrow(
                () -> new IllegalArgumentException("Office " + officeCode + " does not take part in cycle " + cycleId));
    }

    @Transactional(readOnly = true)
    public OfficeCycleView officeCycle(Long officeCycleId) {
        return view(find(officeCycleId));
    }

    @Transactional(readOnly = true)
    public List<OfficeCycleView> officeCycles(Long cycleId) {
        List<OfficeCycleView> views = new ArrayList<>();
        officeCycles.findByCycleIdOrderByOfficeCode(cycleId).forEach(oc -> views.add(view(oc)));
        return views;
    }

    /** The office's process has started: records its instance. */
    @Transactional
    public OfficeCycleView open(Long cycleId, String officeCode, String processInstanceId) {
        OfficeCycle officeCycle = officeCycle(cycleId, officeCode);
        officeCycle.start(processInstanceId, now());
        return view(officeCycle);
    }

    @Transactional
    public void enterPhase(Long officeCycleId, Phase phase) {
        find(officeCycleId).enter(phase);
    }

    /**
     * The office has finished a monitoring round. When it is the last office of the cycle to do so, the national
     * process is told (its compile task need not wait for the review deadline). Counted once per office even
     * when the job runs again.
     */
    @Transactional
    public void closeRound(Long officeCycleId, Round round) {
        OfficeCycle officeCycle = find(officeCycleId);
        if (!officeCycle.closeRound(round, now())) {
            return;
        }
        Long cycleId = officeCycle.getCycle().getId();
        if (round == Round.MID_YEAR) {
            cycles.countMidYearClosed(cycleId);
        } else {
            cycles.countAnnualClosed(cycleId);
        }
        Cycle cycle = cycles.findById(cycleId).orElseThrow();
        int closed = round == Round.MID_YEAR ? cycle.getMidYearClosed() : cycle.getAnnualClosed();
        if (closed >= officeCycles.countByCycleId(cycleId) && cycle.getProcessInstanceId() != null) {
            runtimeService.createMessageCorrelation(round.completionMessage())
                    .processInstanceId(cycle.getProcessInstanceId())
                    .correlateAllWithResult();
        }
    }

    @Transactional
    public void completeOfficeCycle(Long officeCycleId) {
        find(officeCycleId).complete(now());
    }

    @Transactional
    public void closeCycle(Long cycleId) {
        cycles.findById(cycleId).orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleId))
                .close(now());
    }

    private OfficeCycle officeCycle(Long cycleId, String officeCode) {
        return officeCycles.findByCycleIdAndOfficeCode(cycleId, officeCode).orElseThrow(
                () -> new IllegalArgumentException("Office " + officeCode + " does not take part in cycle " + cycleId));
    }

    private OfficeCycle find(Long officeCycleId) {
        return officeCycles.findById(officeCycleId)
                .orElseThrow(() -> new IllegalArgumentException("No office cycle " + officeCycleId));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private CycleView view(Cycle cycle) {
        return new CycleView(cycle.getId(), cycle.getFiscalYear(), cycle.getCatalogueYear(), cycle.getStatus().name(),
                cycle.getProcessInstanceId(), cycle.getLaunchedBy(), cycle.getLaunchedAt(), cycle.getClosedAt(),
                Map.copyOf(cycle.getDeadlines()), officeCycles.countByCycleId(cycle.getId()),
                cycle.getMidYearClosed(), cycle.getAnnualClosed());
    }

    private static OfficeCycleView view(OfficeCycle oc) {
        Cycle cycle = oc.getCycle();
        return new OfficeCycleView(oc.getId(), cycle.getId(), cycle.getFiscalYear(), cycle.getCatalogueYear(),
                oc.getOfficeCode(), oc.getBusinessKey(), oc.getProcessInstanceId(), oc.getPhase(), oc.getStartedAt(),
                oc.getCompletedAt(), oc.closedAt(Round.MID_YEAR), oc.closedAt(Round.ANNUAL));
    }
}
