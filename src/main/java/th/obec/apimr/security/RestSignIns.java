package th.obec.apimr.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic sign-ins to the REST API, remembered for a short time (as Camunda's webapps remember a session's
 * user, groups and tenants between re-checks): a client that sends the same user and password again within
 * {@code ttl} is not checked against the identity service again, and the user's groups and tenants are taken as
 * they were read at the sign-in. Without it every request costs three reads (the user with their password, the
 * groups, the tenants) before any work. Only successful sign-ins are remembered, and only as a digest of the
 * password; a wrong password is always checked (and counted by the engine's login throttling). A changed password,
 * a removed user or a changed group membership takes effect on the REST API within {@code ttl}; a zero
 * {@code ttl} checks every request ({@code apimr.rest.sign-in-cache-seconds}, default 60).
 */
@Component
public final class RestSignIns {

    private record SignIn(byte[] passwordDigest, Instant until, List<String> groups, List<String> tenants) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, SignIn> signIns = new ConcurrentHashMap<>();

    @Autowired
    RestSignIns(@Value("${apimr.rest.sign-in-cache-seconds:60}") long seconds) {
        this(Duration.ofSeconds(seconds), Clock.systemUTC());
    }

    RestSignIns(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Forgets every remembered sign-in: the next request of each client is checked again. */
    public void forgetAll() {
        signIns.clear();
    }

    /**
     * Whether the user signs in with this password: remembered, or checked by {@code check} (and then remembered
     * when it succeeded).
     */
    boolean signsIn(String engine, String user, String password, Supplier<Boolean> check) {
        if (ttl.isZero() || ttl.isNegative()) {
            return check.get();
        }
        byte[] digest = digest(user, password);
        SignIn known = current(engine, user);
        if (known != null && MessageDigest.isEqual(known.passwordDigest(), digest)) {
            return true;
        }
        if (!check.get()) {
            return false;
        }
        signIns.put(key(engine, user), new SignIn(digest, clock.instant().plus(ttl), null, null));
        if (signIns.size() > 10_000) {
            forgetExpired();
        }
        return true;
    }

    /** The groups of a signed-in user: as remembered with the sign-in, or read by {@code read}. */
    List<String> groups(String engine, String user, Supplier<List<String>> read) {
        return remembered(engine, user, read, SignIn::groups,
                (known, groups) -> new SignIn(known.passwordDigest(), known.until(), groups, known.tenants()));
    }

    /** The tenants of a signed-in user: as remembered with the sign-in, or read by {@code read}. */
    List<String> tenants(String engine, String user, Supplier<List<String>> read) {
        return remembered(engine, user, read, SignIn::tenants,
                (known, tenants) -> new SignIn(known.passwordDigest(), known.until(), known.groups(), tenants));
    }

    private List<String> remembered(String engine, String user, Supplier<List<String>> read,
                                    Function<SignIn, List<String>> part,
                                    BiFunction<SignIn, List<String>, SignIn> withPart) {
        SignIn known = current(engine, user);
        if (known != null && part.apply(known) != null) {
            return part.apply(known);
        }
        List<String> value = List.copyOf(read.get());
        if (known != null) {
            signIns.replace(key(engine, user), known, withPart.apply(known, value));
        }
        return value;
    }

    private SignIn current(String engine, String user) {
        SignIn known = signIns.get(key(engine, user));
        if (known == null) {
            return null;
        }
        if (!clock.instant().isBefore(known.until())) {
            signIns.remove(key(engine, user), known);
            return null;
        }
        return known;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        signIns.values().removeIf(signIn -> !now.isBefore(signIn.until()));
    }

    private static String key(String engine, String user) {
        return engine + '\u0000' + user;
    }

    private static byte[] digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
