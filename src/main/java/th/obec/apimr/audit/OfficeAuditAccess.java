package th.obec.apimr.audit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.security.CurrentUser;

/**
 * Who may read an office's audit trail: the office's coordinators and directors, the reviewers of its inspection
 * region, OBEC monitors and administrators. One method, so that a shared access policy can replace it.
 */
@Component
class OfficeAuditAccess {

    private final CurrentUser currentUser;
    private final OfficeService offices;

    OfficeAuditAccess(CurrentUser currentUser, OfficeService offices) {
        this.currentUser = currentUser;
        this.offices = offices;
    }

    /** 401 when nobody is signed in, 404 for an unknown office, 403 for anyone else. */
    void requireReader(String officeCode) {
        currentUser.id();
        OfficeView office = offices.find(officeCode).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "ไม่พบเขตพื้นที่ " + officeCode + " (no such office)"));
        currentUser.requireAnyGroup(Groups.coordinators(office.code()), Groups.directors(office.code()),
                Groups.reviewers(office.regionCode()), Groups.OBEC_MONITOR, Groups.OBEC_ADMIN);
    }
}
