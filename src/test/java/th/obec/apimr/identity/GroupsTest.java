package th.obec.apimr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupsTest {

    @Test
    void groupIdsFollowTheProcessModelContract() {
        assertThat(Groups.coordinators("P5002")).isEqualTo("office-P5002-coordinators");
        assertThat(Groups.directors("p5002")).isEqualTo("office-P5002-directors");
        assertThat(Groups.reviewers("15")).isEqualTo("region-15-reviewers");
        assertThat(Groups.reviewers("00")).isEqualTo("region-00-reviewers");
        assertThat(Groups.OBEC_ADMIN).isEqualTo("obec-admin");
        assertThat(Groups.OBEC_MONITOR).isEqualTo("obec-monitor");
    }

    @Test
    void aBlankCodeIsRefused() {
        assertThatThrownBy(() -> Groups.coordinators(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
