package th.obec.apimr.notification;

import java.util.Locale;
import java.util.Optional;

/** The language of a user's emails: Thai (the default) or English. */
public enum Language {
    TH, EN;

    /** The code used in the API and the database: {@code th} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Language> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
