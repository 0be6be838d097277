package th.obec.apimr.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;

/**
 * The demo's users (profile {@code demo} only), password {@value #PASSWORD}: for each demo office a coordinator
 * {@code coord.<code>} and a director {@code director.<code>}; a reviewer {@code reviewer.r<region>} for each
 * of their inspection regions; {@code analyst} in obec-monitor; and the configured engine administrator
 * {@code admin} added to obec-admin and obec-monitor. Users that exist are left as they are (password
 * included); missing memberships are added.
 */
@Component
@Profile("demo")
@Order(DemoUsers.ORDER)
public class DemoUsers implements ApplicationRunner {

    /** The order of this start-up runner: after the groups exist. Demo data that needs users runs later. */
    public static final int ORDER = IdentitySync.ORDER + 100;

    /** The offices the demo cycle is launched for: สพป.เชียงใหม่ เขต 2 and เขต 1 (region 15), สพป.ขอนแก่น เขต 1 (region 12). */
    public static final List<String> OFFICE_CODES = List.of("P5002", "P5001", "P4001");

    public static final String PASSWORD = "demo";

    /** The engine administrator created from {@code camunda.bpm.admin-user}. */
    public static final String ADMIN = "admin";

    public static final String ANALYST = "analyst";

    static final String EMAIL_DOMAIN = "@demo.apimr.local";

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final IdentityService identityService;
    private final OfficeService offices;
    private final TransactionTemplate transaction;

    DemoUsers(IdentityService identityService, OfficeService offices, PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.offices = offices;
        this.transaction = new TransactionTemplate(transactions);
    }

    public static String coordinator(String officeCode) {
        return "coord." + officeCode.toLowerCase(Locale.ROOT);
    }

    public static String director(String officeCode) {
        return "director." + officeCode.toLowerCase(Locale.ROOT);
    }

    public static String reviewer(String regionCode) {
        return "reviewer.r" + regionCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> createUsers());
    }

    private void createUsers() {
        for (String code : OFFICE_CODES) {
            Optional<OfficeView> found = offices.find(code);
            if (found.isEmpty()) {
                LOG.warn("Demo office {} is not in the office list: no demo users for it", code);
                continue;
            }
            OfficeView office = found.get();
            user(coordinator(code), "ผู้ประสานงาน", office.shortNameTh(), Groups.coordinators(code));
            user(director(code), "ผู้อำนวยการ", office.shortNameTh(), Groups.directors(code));
            user(reviewer(office.regionCode()), "ผู้กลั่นกรอง", office.regionNameTh(),
                    Groups.reviewers(office.regionCode()));
        }
        user(ANALYST, "นักวิเคราะห์นโยบาย", "สตผ. สพฐ.", Groups.OBEC_MONITOR);
        if (identityService.createUserQuery().userId(ADMIN).count() == 1) {
            member(ADMIN, Groups.OBEC_ADMIN);
            member(ADMIN, Groups.OBEC_MONITOR);
        } else {
            LOG.warn("No engine user '{}' (camunda.bpm.admin-user): not added to {}", ADMIN, Groups.OBEC_ADMIN);
        }
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + EMAIL_DOMAIN);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            LOG.info("Demo user {} created", id);
        }
        member(id, groupId);
    }

    private void member(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}
