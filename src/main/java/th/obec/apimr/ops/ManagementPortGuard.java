package th.obec.apimr.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when health and metrics would be served on the users' port: they answer without login, so they
 * belong on {@code APIMR_MANAGEMENT_PORT} (8081), which the reverse proxy does not publish. Port 0 (a free port, as in
 * tests) and -1 (actuator over HTTP switched off) are fine.
 */
@Component
class ManagementPortGuard {

    ManagementPortGuard(@Value("${server.port:8080}") String serverPort,
                        @Value("${management.server.port:}") String managementPort) {
        String problem = problem(serverPort, managementPort);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Why these ports are refused, or null. */
    static String problem(String serverPort, String managementPort) {
        String management = managementPort == null ? "" : managementPort.trim();
        if (management.isEmpty()) {
            return "APIMR_MANAGEMENT_PORT (management.server.port) is empty: health and metrics would be served without"
                    + " login on the users' port " + serverPort + ". Give it a port of its own, e.g. 8081.";
        }
        if (management.equals(serverPort.trim()) && !"0".equals(management)) {
            return "APIMR_MANAGEMENT_PORT (management.server.port) is " + management + ", the users' port (APIMR_PORT):"
                    + " health and metrics would be served there without login. Give it a port of its own, e.g. 8081.";
        }
        return null;
    }
}
