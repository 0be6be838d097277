package th.obec.apimr.audit;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.office.OfficeService;
import th.obec.apimr.security.AccessPolicy;
import th.obec.apimr.security.CurrentUser;

/**
 * Who may read an office's audit trail: the office's coordinators and directors, the reviewers of its inspection
 * region, OBEC monitors and administrators: whoever {@link AccessPolicy} lets see the office.
 */
@Component
class OfficeAuditAccess {

    private final CurrentUser currentUser;
    private final OfficeService offices;
    private final AccessPolicy access;

    OfficeAuditAccess(CurrentUser currentUser, OfficeService offices, AccessPolicy access) {
        this.currentUser = currentUser;
        this.offices = offices;
        this.access = access;
    }

    /** 401 when nobody is signed in, 404 for an unknown office, 403 for anyone else. */
    void requireReader(String officeCode) {
        currentUser.id();
        offices.find(officeCode).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "ไม่พบเขตพื้นที่ " + officeCode + " (no such office)"));
        access.requireOffice(officeCode);
    }
}
