package th.obec.apimr.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The {@code notification_preference} table: one row per user who chose, none for those on the default. */
@Component
public class NotificationPreferences {

    private final NamedParameterJdbcTemplate jdbc;

    NotificationPreferences(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public NotificationPreference of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** The preferences of several users in one query, by user id (the default for those who never chose). */
    public Map<String, NotificationPreference> of(Collection<String> userIds) {
        Map<String, NotificationPreference> preferences = new HashMap<>();
        userIds.forEach(userId -> preferences.put(userId, NotificationPreference.DEFAULT));
        if (userIds.isEmpty()) {
            return preferences;
        }
        jdbc.query("SELECT user_id, digest, language FROM notification_preference WHERE user_id IN (:userIds)",
                new MapSqlParameterSource("userIds", List.copyOf(userIds)),
                rs -> {
                    preferences.put(rs.getString("user_id"), new NotificationPreference(rs.getBoolean("digest"),
                            Language.ofCode(rs.getString("language")).orElse(Language.TH)));
                });
        return preferences;
    }

    @Transactional
    public void save(String userId, NotificationPreference preference, Instant now) {
        MapSqlParameterSource row = new MapSqlParameterSource("userId", userId)
                .addValue("digest", preference.digest())
                .addValue("language", preference.language().code())
                .addValue("updatedAt", now.atOffset(ZoneOffset.UTC));
        int updated = jdbc.update("UPDATE notification_preference SET digest = :digest, language = :language, "
                + "updated_at = :updatedAt WHERE user_id = :userId", row);
        if (updated == 0) {
            jdbc.update("INSERT INTO notification_preference (user_id, digest, language, updated_at) "
                    + "VALUES (:userId, :digest, :language, :updatedAt)", row);
        }
    }
}
