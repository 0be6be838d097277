package th.obec.apimr.office;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.security.CurrentUser;

/**
 * Offices for every signed-in user; re-import of the office and region files for OBEC administrators. A file
 * is sent as the request body ({@code text/csv}) or as the multipart field {@code file}.
 */
@RestController
class OfficeController {

    static final String TEXT_CSV = "text/csv";

    private final OfficeService offices;
    private final OfficeImporter importer;
    private final CurrentUser currentUser;

    OfficeController(OfficeService offices, OfficeImporter importer, CurrentUser currentUser) {
        this.offices = offices;
        this.importer = importer;
        this.currentUser = currentUser;
    }

    /** Active offices ordered by code; {@code ?includeInactive=true} adds the inactive ones. */
    @GetMapping("/api/offices")
    List<OfficeView> offices(@RequestParam(defaultValue = "false") boolean includeInactive) {
        currentUser.id();
        return includeInactive ? offices.all() : offices.activeOffices();
    }

    @GetMapping("/api/regions")
    List<RegionView> regions() {
        currentUser.id();
        return offices.regions();
    }

    @PostMapping(path = "/api/admin/offices/import", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ImportSummary importOffices(@RequestBody byte[] csv) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return importer.importOffices(csv);
    }

    @PostMapping(path = "/api/admin/offices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importOfficesFile(@RequestParam("file") MultipartFile file) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return importer.importOffices(bytes(file));
    }

    @PostMapping(path = "/api/admin/regions/import", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ImportSummary importRegions(@RequestBody byte[] csv) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return importer.importRegions(csv);
    }

    @PostMapping(path = "/api/admin/regions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importRegionsFile(@RequestParam("file") MultipartFile file) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return importer.importRegions(bytes(file));
    }

    /** 400 with the problem: {@code {field, line, column, message}}. */
    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ImportProblem> rejected(ImportRejectedException exception) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(exception.problem());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
