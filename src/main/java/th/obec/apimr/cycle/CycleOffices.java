package th.obec.apimr.cycle;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the national model asks about a cycle's offices:
 * {@code ${cycleOffices.officeCodes(cycleId)}} and {@code ${cycleOffices.businessKey(cycleId, officeCode)}}.
 * Public, as the engine's expression language calls only public methods of public classes.
 */
@Component("cycleOffices")
public class CycleOffices {

    private final CycleService cycles;

    CycleOffices(CycleService cycles) {
        this.cycles = cycles;
    }

    public List<String> officeCodes(Object cycleId) {
        return cycles.officeCodes(CycleCalendar.toId(cycleId));
    }

    public String businessKey(Object cycleId, String officeCode) {
        return cycles.businessKey(CycleCalendar.toId(cycleId), officeCode);
    }
}
