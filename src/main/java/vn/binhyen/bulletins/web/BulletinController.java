package vn.binhyen.bulletins.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.bulletins.BulletinException;
import vn.binhyen.bulletins.BulletinImage;
import vn.binhyen.bulletins.BulletinKind;
import vn.binhyen.bulletins.BulletinNotFoundException;
import vn.binhyen.bulletins.BulletinStatus;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/** The officer's bulletin pages: list, editor with live preview, approval, and the live reach of each bulletin. */
@Controller
class BulletinController {

    private final Bulletins bulletins;
    private final Directory directory;

    BulletinController(Bulletins bulletins, Directory directory) {
        this.bulletins = bulletins;
        this.directory = directory;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setAllowedFields(
                "id",
                "correctsId",
                "kind",
                "title",
                "body",
                "provinceWide",
                "communeCodes",
                "villageIds",
                "toFollowers",
                "toGroups",
                "toArticle",
                "toBroadcast",
                "publishAt");
    }

    @GetMapping("/console/bulletins")
    String list(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        var all = bulletins.list(officer);
        model.addAttribute("bulletins", all);
        model.addAttribute(
                "toApprove",
                all.stream()
                        .filter(b -> b.status() == BulletinStatus.PENDING
                                && bulletins.actions(officer, b.id()).approve())
                        .toList());
        model.addAttribute(
                "toReview",
                all.stream()
                        .filter(b -> bulletins.actions(officer, b.id()).review())
                        .toList());
        return "bulletins/list";
    }

    @GetMapping("/console/bulletins/new")
    String create(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(name = "corrects", required = false) Long corrects,
            Model model) {
        BulletinForm form =
                corrects == null ? new BulletinForm() : BulletinForm.correcting(bulletins.get(officer, corrects));
        return editor(officer, form, model);
    }

    @GetMapping("/console/bulletins/{id}/edit")
    String edit(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, Model model) {
        if (!bulletins.actions(officer, id).edit()) {
            return "redirect:/console/bulletins/" + id;
        }
        return editor(officer, BulletinForm.of(bulletins.get(officer, id)), model);
    }

    @PostMapping("/console/bulletins")
    String save(
            @AuthenticationPrincipal SignedInOfficer officer,
            @ModelAttribute("form") BulletinForm form,
            @RequestParam(name = "action", defaultValue = "save") String action,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> uploads,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            List<byte[]> photos = photos(uploads);
            if ("submit".equals(action)) {
                var submitted = bulletins.submit(officer, form.getId(), form.draft(), photos);
                redirect.addFlashAttribute("done", "bulletins.done." + submitted.status());
                return "redirect:/console/bulletins/" + submitted.id();
            }
            long id = bulletins.save(officer, form.getId(), form.draft(), photos);
            redirect.addFlashAttribute("done", "bulletins.done.saved");
            return "redirect:/console/bulletins/" + id + "/edit";
        } catch (BulletinException e) {
            // The editor again with the Vietnamese reason; 422 so the refusal is not mistaken for a success.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", e.messageKey());
            return editor(officer, form, model);
        }
    }

    /** The files chosen in the editor; a browser sends an empty, nameless part when none was chosen. */
    private static List<byte[]> photos(@Nullable List<MultipartFile> uploads) {
        List<byte[]> photos = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            String name = upload.getOriginalFilename();
            if (upload.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            try {
                photos.add(upload.getBytes());
            } catch (IOException e) {
                throw new BulletinException("bulletins.error.imageType", "Upload unreadable");
            }
        }
        return photos;
    }

    @GetMapping("/console/bulletins/{id}/images/{position}")
    ResponseEntity<byte[]> image(
            @AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, @PathVariable int position) {
        return bulletins
                .image(officer, id, position)
                .map(BulletinController::photo)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> photo(BulletinImage image) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.content());
    }

    @PostMapping("/console/bulletins/preview")
    String preview(
            @AuthenticationPrincipal SignedInOfficer officer, @ModelAttribute("form") BulletinForm form, Model model) {
        model.addAttribute("images", savedImages(officer, form, model));
        model.addAttribute(
                "preview",
                bulletins.preview(
                        form.getKind() == null ? BulletinKind.SECURITY : form.getKind(),
                        form.getTitle() == null ? "" : form.getTitle(),
                        form.getBody() == null ? "" : form.getBody()));
        model.addAttribute("previewKind", form.getKind() == null ? BulletinKind.SECURITY : form.getKind());
        model.addAttribute("previewTitle", form.getTitle());
        return "bulletins/edit :: preview";
    }

    @GetMapping("/console/bulletins/{id}")
    String detail(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("progress", bulletins.progress(officer, id));
        model.addAttribute("articles", bulletins.articles(officer, id));
        model.addAttribute("bulletinId", id);
        if (htmx != null) {
            return "bulletins/detail :: progress";
        }
        var bulletin = bulletins.get(officer, id);
        model.addAttribute("bulletin", bulletin);
        model.addAttribute("actions", bulletins.actions(officer, id));
        model.addAttribute("audience", AudienceNames.of(directory, bulletin));
        model.addAttribute("replies", bulletins.replies(officer, id));
        model.addAttribute("images", bulletins.images(officer, id));
        return "bulletins/detail";
    }

    @PostMapping("/console/bulletins/{id}/approve")
    String approve(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> r.addFlashAttribute("done", "bulletins.done." + bulletins.approve(officer, id)));
    }

    @PostMapping("/console/bulletins/{id}/reject")
    String reject(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            RedirectAttributes r) {
        return act(id, r, () -> {
            bulletins.reject(officer, id, reason);
            r.addFlashAttribute("done", "bulletins.done.REJECTED");
        });
    }

    @PostMapping("/console/bulletins/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> {
            bulletins.cancel(officer, id);
            r.addFlashAttribute("done", "bulletins.done.CANCELLED");
        });
    }

    @PostMapping("/console/bulletins/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> {
            bulletins.withdraw(officer, id);
            r.addFlashAttribute("done", "bulletins.done.WITHDRAWN");
        });
    }

    @PostMapping("/console/bulletins/{id}/review")
    String review(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, RedirectAttributes r) {
        return act(id, r, () -> {
            bulletins.markReviewed(officer, id);
            r.addFlashAttribute("done", "bulletins.done.reviewed");
        });
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (BulletinException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/console/bulletins/" + id;
    }

    /**
     * The photos already saved with the draft being edited, or those a new correction will keep from the bulletin it
     * corrects (the editor and its preview show them); {@code imagesOf} is the bulletin they belong to.
     */
    private List<Integer> savedImages(SignedInOfficer officer, BulletinForm form, Model model) {
        Long of = form.getId() != null ? form.getId() : form.getCorrectsId();
        model.addAttribute("imagesOf", of);
        return of == null ? List.of() : bulletins.images(officer, of);
    }

    private String editor(SignedInOfficer officer, BulletinForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("images", savedImages(officer, form, model));
        model.addAttribute("kinds", BulletinKind.values());
        boolean province = officer.role() == OfficerRole.PROVINCE_COMMAND;
        model.addAttribute("provinceLevel", province);
        if (province) {
            model.addAttribute("communes", directory.communesOf(officer.provinceCode()));
            model.addAttribute("villages", java.util.List.of());
        } else {
            model.addAttribute(
                    "communes", directory.commune(officer.unitCode()).stream().toList());
            model.addAttribute("villages", directory.villagesOf(officer.unitCode()));
        }
        model.addAttribute(
                "preview",
                bulletins.preview(
                        form.getKind() == null ? BulletinKind.SECURITY : form.getKind(),
                        form.getTitle() == null ? "" : form.getTitle(),
                        form.getBody() == null ? "" : form.getBody()));
        model.addAttribute("previewKind", form.getKind() == null ? BulletinKind.SECURITY : form.getKind());
        model.addAttribute("previewTitle", form.getTitle());
        return "bulletins/edit";
    }

    @ExceptionHandler(BulletinNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, BindException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }
}
