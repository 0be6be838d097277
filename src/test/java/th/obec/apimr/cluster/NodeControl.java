package th.obec.apimr.cluster;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints of a node started by {@link ClusterNodeMain}: whether it is ready, and its engine clock.
 * Registered by {@link ClusterNodeTestConfiguration}; {@code @TestComponent} keeps other tests' scans off it.
 */
@RestController
@TestComponent
@RequestMapping("/test")
class NodeControl {

    private volatile boolean ready;

    @EventListener
    void ready(ApplicationReadyEvent event) {
        ready = true;
    }

    @GetMapping("/ready")
    ResponseEntity<String> isReady() {
        return ready ? ResponseEntity.ok("ready") : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("starting");
    }

    @GetMapping("/clock")
    Map<String, String> clock() {
        return Map.of("now", ClockUtil.getCurrentTime().toInstant().toString());
    }

    @PutMapping("/clock")
    Map<String, String> setClock(@RequestParam String at) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
        return clock();
    }
}
