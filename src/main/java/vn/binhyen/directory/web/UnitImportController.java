package vn.binhyen.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.directory.UnitImportException;
import vn.binhyen.directory.UnitImporter;
import vn.binhyen.directory.VillageImportException;
import vn.binhyen.directory.VillageImporter;
import vn.binhyen.shared.security.OfficerIdentity;

/**
 * The administrator imports a new national unit list (the JSON the dataset publishes) and the villages of many
 * communes (a CSV) from the browser. A file refused is a 422 with the reasons in Vietnamese; nothing of it is kept.
 */
@Controller
class UnitImportController {

    private final UnitImporter importer;
    private final VillageImporter villages;
    private final MessageSource messages;

    UnitImportController(UnitImporter importer, VillageImporter villages, MessageSource messages) {
        this.importer = importer;
        this.villages = villages;
        this.messages = messages;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    @GetMapping("/admin/units")
    String form() {
        return "directory/import";
    }

    @PostMapping("/admin/units")
    String upload(
            @RequestParam("file") MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            return refused(model, response, "importError", text("admin.units.error.empty"));
        }
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute(
                    "imported", importer.importUnits(in, String.valueOf(file.getOriginalFilename())));
        } catch (UnitImportException e) {
            return refused(model, response, "importError", text(e.messageKey(), e.arguments()));
        }
        return "redirect:/admin/units";
    }

    @PostMapping("/admin/units/villages")
    String uploadVillages(
            @AuthenticationPrincipal OfficerIdentity admin,
            Principal signedIn,
            @RequestParam("file") MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            return refused(model, response, "villagesError", text("import.villages.error.empty"));
        }
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute(
                    "villagesImported",
                    villages.importCsv(
                            in, String.valueOf(file.getOriginalFilename()), signedIn.getName(), admin.officerId()));
        } catch (VillageImportException e) {
            model.addAttribute(
                    "villagesFaults",
                    e.faults().stream()
                            .map(f -> text("import.villages.line", f.line(), text(f.messageKey(), f.arguments())))
                            .toList());
            return refused(model, response, "villagesError", text(e.messageKey(), e.arguments()));
        }
        return "redirect:/admin/units";
    }

    /** The page again with the reason, as a 422: nothing of the file was kept. */
    private static String refused(Model model, HttpServletResponse response, String attribute, String reason) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute(attribute, reason);
        return "directory/import";
    }
}
