package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RestSignInsTest {

    private static final Instant START = Instant.parse("2026-10-01T02:00:00Z");

    private final MovableClock clock = new MovableClock();
    private final RestSignIns signIns = new RestSignIns(Duration.ofSeconds(60), clock);
    private final AtomicInteger checks = new AtomicInteger();

    private boolean signIn(String password, String actualPassword) {
        return signIns.signsIn("default", "coord.p5002", password, () -> {
            checks.incrementAndGet();
            return password.equals(actualPassword);
        });
    }

    @Test
    void aRepeatedSignInWithinTheMinuteIsNotCheckedAgain() {
        assertThat(signIn("secret", "secret")).isTrue();
        clock.move(Duration.ofSeconds(59));
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aSignInIsCheckedAgainOnceTheMinuteHasPassed() {
        assertThat(signIn("secret", "secret")).isTrue();
        clock.move(Duration.ofSeconds(60));
        assertThat(signIn("secret", "changed")).as("the password changed meanwhile").isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefusedEvenWhileTheRightOneIsRemembered() {
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(signIn("guess", "secret")).isFalse();
        assertThat(signIn("guess", "secret")).isFalse();
        assertThat(checks).hasValue(3);
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void aNewPasswordIsAcceptedAtOnceAndThenRemembered() {
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(signIn("new-secret", "new-secret")).isTrue();
        assertThat(signIn("new-secret", "new-secret")).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aFailedSignInIsNotRemembered() {
        assertThat(signIn("secret", "other")).isFalse();
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void groupsAndTenantsAreReadOncePerSignInAndAgainAfterItExpires() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(signIn("secret", "secret")).isTrue();
        List<String> groups = signIns.groups("default", "coord.p5002", () -> {
            reads.incrementAndGet();
            return List.of("office-P5002-coordinators");
        });
        List<String> again = signIns.groups("default", "coord.p5002", () -> {
            reads.incrementAndGet();
            return List.of("something else");
        });
        assertThat(groups).isEqualTo(again).containsExactly("office-P5002-coordinators");
        assertThat(signIns.tenants("default", "coord.p5002", () -> List.of("P5002"))).containsExactly("P5002");
        assertThat(signIns.tenants("default", "coord.p5002", () -> List.of("P5003"))).containsExactly("P5002");

        clock.move(Duration.ofMinutes(2));
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(signIns.groups("default", "coord.p5002", () -> {
            reads.incrementAndGet();
            return List.of("office-P5003-coordinators");
        })).containsExactly("office-P5003-coordinators");
        assertThat(reads).hasValue(2);
    }

    @Test
    void usersAndEnginesAreKeptApart() {
        assertThat(signIn("secret", "secret")).isTrue();
        assertThat(signIns.signsIn("default", "coord.p5003", "secret", () -> false)).isFalse();
        assertThat(signIns.signsIn("other", "coord.p5002", "secret", () -> false)).isFalse();
    }

    @Test
    void withNoTimeToLiveEverySignInIsChecked() {
        RestSignIns unremembered = new RestSignIns(Duration.ZERO, clock);
        AtomicInteger reads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(unremembered.signsIn("default", "coord.p5002", "secret", () -> {
                checks.incrementAndGet();
                return true;
            })).isTrue();
            unremembered.groups("default", "coord.p5002", () -> {
                reads.incrementAndGet();
                return List.of();
            });
        }
        assertThat(checks).hasValue(3);
        assertThat(reads).hasValue(3);
    }

    private static final class MovableClock extends Clock {
        private Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
