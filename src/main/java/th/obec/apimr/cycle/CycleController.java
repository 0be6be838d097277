package th.obec.apimr.cycle;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.security.AccessPolicy;
import th.obec.apimr.security.CurrentUser;

/**
 * Cycles through the application's API. Launching starts {@code Process_NationalCycle} exactly as Tasklist's
 * start form does, so both paths share the same validation.
 */
@RestController
@RequestMapping("/api/cycles")
class CycleController {

    static final String NATIONAL_PROCESS = "Process_NationalCycle";

    private final CycleService cycles;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;
    private final AccessPolicy access;

    CycleController(CycleService cycles, RuntimeService runtimeService, CurrentUser currentUser, AccessPolicy access) {
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
        this.access = access;
    }

    /** Body: {@code {"fiscalYear": 2566, "catalogueYear": 2566, "officeCodes": ["P5002"], "deadlines": {"PLAN": "2022-12-31"}}}. */
    @PostMapping
    ResponseEntity<CycleView> launch(@RequestBody LaunchBody body) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        Map<String, Object> variables = new HashMap<>();
        variables.put(LaunchRequest.FISCAL_YEAR, body.fiscalYear());
        variables.put(LaunchRequest.CATALOGUE_YEAR, body.catalogueYear());
        variables.put(LaunchRequest.OFFICE_CODES, body.officeCodes() == null ? null : String.join(",", body.officeCodes()));
        if (body.deadlines() != null) {
            body.deadlines().forEach((deadline, date) -> variables.put(deadline.formField(), date.toString()));
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(NATIONAL_PROCESS, variables);
        Long cycleId = CycleCalendar.toId(runtimeService.getVariable(instance.getId(), "cycleId"));
        CycleView cycle = cycles.cycle(cycleId).orElseThrow();
        return ResponseEntity.created(URI.create("/api/cycles/" + cycleId)).body(cycle);
    }

    @GetMapping
    List<CycleView> list() {
        currentUser.id();
        return cycles.cycles();
    }

    @GetMapping("/{id}")
    CycleView one(@PathVariable Long id) {
        currentUser.id();
        return cycles.cycle(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "ไม่พบวงจร " + id));
    }

    /** The cycle's offices the caller may see: all for OBEC, their own office or their region's offices otherwise. */
    @GetMapping("/{id}/offices")
    List<OfficeCycleView> offices(@PathVariable Long id) {
        one(id);
        return access.filter(cycles.officeCycles(id), OfficeCycleView::officeCode);
    }

    /** One office's cycle: 403 outside the caller's offices, 404 when the office does not take part. */
    @GetMapping("/{id}/offices/{officeCode}")
    OfficeCycleView office(@PathVariable Long id, @PathVariable String officeCode) {
        access.requireOffice(officeCode);
        one(id);
        return cycles.officeCycles(id).stream().filter(oc -> oc.officeCode().equalsIgnoreCase(officeCode.trim()))
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "เขตพื้นที่ " + officeCode + " ไม่อยู่ในวงจร " + id));
    }

    record LaunchBody(Integer fiscalYear, Integer catalogueYear, List<String> officeCodes,
                      Map<Deadline, LocalDate> deadlines) {
    }
}
