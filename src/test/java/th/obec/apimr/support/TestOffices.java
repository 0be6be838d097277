package th.obec.apimr.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.LaunchRequest;

/**
 * Office cycles for tests: the FY2566 cycle (registered once per database), and for each test an office that has
 * not taken part yet, so tests do not see each other's data.
 */
public final class TestOffices {

    public static final int FISCAL_YEAR = 2566;

    private final CycleService cycles;
    private final JdbcTemplate jdbc;

    public TestOffices(CycleService cycles, JdbcTemplate jdbc) {
        this.cycles = cycles;
        this.jdbc = jdbc;
    }

    /** An office with the variables its process would carry. */
    public record TestOffice(Long cycleId, Long officeCycleId, String officeCode, String officeName, int fiscalYear) {

        public Map<String, Object> variables() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("cycleId", cycleId);
            variables.put("officeCycleId", officeCycleId);
            variables.put("officeCode", officeCode);
            variables.put("officeName", officeName);
            variables.put("fiscalYear", fiscalYear);
            return variables;
        }
    }

    public Long cycleId() {
        return cycles.cycles().stream().filter(c -> c.fiscalYear() == FISCAL_YEAR).findFirst()
                .map(CycleView::id)
                .orElseGet(() -> cycles.register(new LaunchRequest(FISCAL_YEAR, FISCAL_YEAR, Set.of("P5002"), Map.of()),
                        "admin", null).id());
    }

    /** A new office cycle for an active office not yet in the FY2566 cycle. */
    public synchronized TestOffice newOffice() {
        Long cycleId = cycleId();
        Map<String, Object> office = jdbc.queryForList(
                "select code, short_name_th from office where active = true and code not in"
                        + " (select office_code from office_cycle where cycle_id = ?) order by code", cycleId)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Every office already takes part"));
        String code = (String) office.get("code");
        jdbc.update("insert into office_cycle (cycle_id, office_code, business_key, phase, version)"
                + " values (?, ?, ?, 'NOT_STARTED', 0)", cycleId, code, "FY" + FISCAL_YEAR + "-" + code);
        Long officeCycleId = jdbc.queryForObject(
                "select id from office_cycle where cycle_id = ? and office_code = ?", Long.class, cycleId, code);
        return new TestOffice(cycleId, officeCycleId, code, (String) office.get("short_name_th"), FISCAL_YEAR);
    }
}
