package vn.binhyen.directory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.binhyen.directory.CommuneSetup;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.DirectoryChangeException;
import vn.binhyen.directory.JurisdictionException;
import vn.binhyen.directory.Jurisdictions;
import vn.binhyen.directory.Jurisdictions.VillageArea;
import vn.binhyen.directory.OfficerRole;
import vn.binhyen.directory.OfficerView;
import vn.binhyen.directory.VillageView.VillageKind;
import vn.binhyen.shared.security.OfficerIdentity;

/**
 * The commune's areas of responsibility (địa bàn phụ trách): which area officer covers each village and residential
 * group, the villages themselves and the police unit's public contact details. Everyone in the commune sees it (who covers the next village is worth knowing); the province command reads any
 * commune of its province, an administrator any commune. The commune's chief changes it, and an administrator.
 * Another commune's villages are not found, by any URL.
 */
@Controller
@RequestMapping("/console/areas")
class AreasController {

    /** An area officer and the villages they cover, for the summary under the table. */
    record Coverage(OfficerView officer, List<String> villages) {}

    private final Jurisdictions jurisdictions;
    private final CommuneSetup setup;
    private final Directory directory;
    private final MessageSource messages;

    AreasController(Jurisdictions jurisdictions, CommuneSetup setup, Directory directory, MessageSource messages) {
        this.jurisdictions = jurisdictions;
        this.setup = setup;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping
    String page(
            @AuthenticationPrincipal OfficerIdentity officer,
            @RequestParam(required = false) @Nullable String commune,
            Model model) {
        Optional<CommuneView> shown = visible(officer, commune);
        if (shown.isEmpty()) {
            model.addAttribute("communes", choosable(officer));
            return "directory/areas";
        }
        fill(model, officer, shown.get());
        return "directory/areas";
    }

    @PostMapping("/{villageId}")
    String assign(
            @AuthenticationPrincipal OfficerIdentity officer,
            Principal signedIn,
            @PathVariable long villageId,
            @RequestParam(required = false) @Nullable Long officerId,
            @RequestParam(defaultValue = "false") boolean handOver,
            @RequestParam(required = false) @Nullable String commune,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommuneView shown =
                visible(officer, commune).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!editable(officer, shown)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            boolean changed = jurisdictions
                    .assign(shown.code(), villageId, officerId, handOver, signedIn.getName(), officer.officerId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("saved", changed ? villageId : null);
        } catch (JurisdictionException e) {
            // The page again with the sentence next to the village, as a 422: nothing was changed.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errorVillage", villageId);
            model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
            fill(model, officer, shown);
            return "directory/areas";
        }
        return back(shown);
    }

    @PostMapping("/contacts")
    String contacts(
            @AuthenticationPrincipal OfficerIdentity officer,
            Principal signedIn,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String zaloPage,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommuneView shown = editableCommune(officer, commune);
        var contacts = new CommuneSetup.Contacts(address, phone, email, zaloPage);
        try {
            setup.updateContacts(shown.code(), contacts, signedIn.getName(), officer.officerId());
        } catch (DirectoryChangeException e) {
            model.addAttribute("contacts", contacts);
            return refused(e, model, response, officer, shown);
        }
        redirect.addFlashAttribute("contactsSaved", true);
        return back(shown);
    }

    @PostMapping("/villages")
    String addVillage(
            @AuthenticationPrincipal OfficerIdentity officer,
            Principal signedIn,
            @RequestParam(required = false) @Nullable String commune,
            @ModelAttribute CommuneSetup.VillageDetails village,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommuneView shown = editableCommune(officer, commune);
        try {
            setup.addVillage(shown.code(), village, signedIn.getName(), officer.officerId());
        } catch (DirectoryChangeException e) {
            model.addAttribute("village", village);
            return refused(e, model, response, officer, shown);
        }
        redirect.addFlashAttribute("villageAdded", village.name().strip());
        return back(shown);
    }

    @PostMapping("/villages/{villageId}")
    String editVillage(
            @AuthenticationPrincipal OfficerIdentity officer,
            Principal signedIn,
            @PathVariable long villageId,
            @RequestParam(required = false) @Nullable String commune,
            @ModelAttribute CommuneSetup.VillageDetails village,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommuneView shown = editableCommune(officer, commune);
        try {
            boolean changed = setup.editVillage(
                            shown.code(), villageId, village, signedIn.getName(), officer.officerId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("saved", changed ? villageId : null);
        } catch (DirectoryChangeException e) {
            model.addAttribute("edited", village);
            return refusedForVillage(villageId, e, model, response, officer, shown);
        }
        return back(shown);
    }

    @PostMapping("/villages/{villageId}/service")
    String setInService(
            @AuthenticationPrincipal OfficerIdentity officer,
            Principal signedIn,
            @PathVariable long villageId,
            @RequestParam(required = false) @Nullable String commune,
            @RequestParam boolean inService,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommuneView shown = editableCommune(officer, commune);
        try {
            boolean changed = setup.setInService(
                            shown.code(), villageId, inService, reason, signedIn.getName(), officer.officerId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("saved", changed ? villageId : null);
        } catch (DirectoryChangeException e) {
            return refusedForVillage(villageId, e, model, response, officer, shown);
        }
        return back(shown);
    }

    private CommuneView editableCommune(OfficerIdentity officer, @Nullable String commune) {
        CommuneView shown =
                visible(officer, commune).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!editable(officer, shown)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return shown;
    }

    /** The page again with the sentence next to its field, as a 422: nothing was changed. */
    private String refused(
            DirectoryChangeException e,
            Model model,
            HttpServletResponse response,
            OfficerIdentity officer,
            CommuneView commune) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", Map.of(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
        fill(model, officer, commune);
        return "directory/areas";
    }

    /**
     * The page again as a 422, the village's own form open with the sentence under it (the add form below keeps its
     * errors apart): nothing was changed.
     */
    private String refusedForVillage(
            long villageId,
            DirectoryChangeException e,
            Model model,
            HttpServletResponse response,
            OfficerIdentity officer,
            CommuneView commune) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("editing", villageId);
        model.addAttribute("editErrors", Map.of(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
        fill(model, officer, commune);
        return "directory/areas";
    }

    private static String back(CommuneView commune) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/console/areas")
                        .queryParam("commune", commune.code())
                        .encode()
                        .toUriString();
    }

    private void fill(Model model, OfficerIdentity officer, CommuneView commune) {
        List<VillageArea> areas = jurisdictions.of(commune.code());
        List<OfficerView> areaOfficers = jurisdictions.areaOfficers(commune.code());
        model.addAttribute("commune", commune);
        if (!model.containsAttribute("contacts")) {
            model.addAttribute(
                    "contacts",
                    new CommuneSetup.Contacts(commune.address(), commune.phone(), commune.email(), commune.zaloPage()));
        }
        if (!model.containsAttribute("village")) {
            model.addAttribute("village", new CommuneSetup.VillageDetails("", VillageKind.VILLAGE, null, null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("editErrors")) {
            model.addAttribute("editErrors", Map.of());
        }
        model.addAttribute("kinds", VillageKind.values());
        model.addAttribute("areas", areas);
        model.addAttribute("vacant", areas.stream().filter(VillageArea::vacant).count());
        model.addAttribute("editable", editable(officer, commune));
        model.addAttribute("areaOfficers", areaOfficers);
        model.addAttribute(
                "coverage",
                areaOfficers.stream()
                        .map(o -> new Coverage(
                                o,
                                areas.stream()
                                        .filter(a -> a.officers().stream().anyMatch(c -> c.id() == o.id()))
                                        .map(a -> a.village().name())
                                        .toList()))
                        .toList());
    }

    /** The commune shown: one's own, or for the province command and administrators the one asked for. */
    private Optional<CommuneView> visible(OfficerIdentity officer, @Nullable String asked) {
        OfficerRole role = OfficerRole.valueOf(officer.roleName());
        return switch (role) {
            case AREA_OFFICER, COMMUNE_STAFF, COMMUNE_CHIEF -> directory.commune(officer.unitCode());
            case PROVINCE_COMMAND ->
                asked == null
                        ? Optional.empty()
                        : directory.commune(asked).filter(c -> c.provinceCode().equals(officer.provinceCode()));
            case ADMINISTRATOR -> asked == null ? Optional.empty() : directory.commune(asked);
        };
    }

    private List<CommuneView> choosable(OfficerIdentity officer) {
        OfficerRole role = OfficerRole.valueOf(officer.roleName());
        return directory.communesInService().stream()
                .filter(c ->
                        role == OfficerRole.ADMINISTRATOR || c.provinceCode().equals(officer.provinceCode()))
                .toList();
    }

    /** The commune's chief assigns its villages; an administrator any commune's. */
    private static boolean editable(OfficerIdentity officer, CommuneView commune) {
        OfficerRole role = OfficerRole.valueOf(officer.roleName());
        return role == OfficerRole.ADMINISTRATOR
                || (role == OfficerRole.COMMUNE_CHIEF && officer.unitCode().equals(commune.code()));
    }
}
