package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The application's H2 database keeps {@value H2StatementCache#SIZE} parsed statements per connection, not 8. */
@SpringBootTest
@ActiveProfiles("test")
class H2StatementCacheTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationsH2DatabaseKeepsItsParsedStatements() {
        String size = new JdbcTemplate(dataSource).queryForObject(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'",
                String.class);
        assertThat(size).isEqualTo(String.valueOf(H2StatementCache.SIZE));
    }

    @Test
    void addsTheCacheToAnyH2Url() {
        assertThat(H2StatementCache.withCache("jdbc:h2:file:./data/apimr;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/apimr;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128");
        assertThat(H2StatementCache.withCache("JDBC:H2:mem:apimr"))
                .isEqualTo("JDBC:H2:mem:apimr;QUERY_CACHE_SIZE=128");
    }

    @Test
    void leavesAUrlThatSetsTheCacheItselfAndOtherDatabases() {
        assertThat(H2StatementCache.withCache("jdbc:h2:mem:apimr;query_cache_size=16"))
                .isEqualTo("jdbc:h2:mem:apimr;query_cache_size=16");
        assertThat(H2StatementCache.withCache("jdbc:postgresql://db:5432/apimr"))
                .isEqualTo("jdbc:postgresql://db:5432/apimr");
        assertThat(H2StatementCache.withCache(null)).isNull();
    }
}
