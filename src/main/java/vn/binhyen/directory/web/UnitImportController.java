package vn.binhyen.directory.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.directory.UnitImportException;
import vn.binhyen.directory.UnitImporter;

/** The administrator imports a new national unit list (the JSON the dataset publishes) from the browser. */
@Controller
class UnitImportController {

    private final UnitImporter importer;
    private final MessageSource messages;

    UnitImportController(UnitImporter importer, MessageSource messages) {
        this.importer = importer;
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
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("importError", text("admin.units.error.empty"));
            return "redirect:/admin/units";
        }
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("imported", importer.importUnits(in, String.valueOf(file.getOriginalFilename())));
        } catch (UnitImportException e) {
            redirect.addFlashAttribute("importError", text(e.messageKey(), e.arguments()));
        }
        return "redirect:/admin/units";
    }
}
