package vn.binhyen.zalosim.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import vn.binhyen.directory.Directory;
import vn.binhyen.zalo.ZaloAudience;
import vn.binhyen.zalosim.internal.SimResidents;
import vn.binhyen.zalosim.internal.SimWorld;
import vn.binhyen.zalosim.internal.SimWorld.SimOa;
import vn.binhyen.zalosim.internal.SimulatorOnly;

/**
 * "A resident's phone": anyone can act as a Zalo user, follow a commune police page, write to it, share a location,
 * write in a village group, and watch the police's replies arrive (the message list polls with htmx).
 */
@Controller
@SimulatorOnly
class PhoneController {

    private static final int MAX_TEXT = 2000;
    private static final long MAX_PHOTO = 5L * 1024 * 1024;

    private final SimWorld world;
    private final SimResidents residents;
    private final Environment environment;
    private final ZaloAudience audience;
    private final Directory directory;

    PhoneController(
            SimWorld world,
            SimResidents residents,
            Environment environment,
            ZaloAudience audience,
            Directory directory) {
        this.world = world;
        this.residents = residents;
        this.environment = environment;
        this.audience = audience;
        this.directory = directory;
    }

    @GetMapping("/sim/phone")
    String phone(
            @RequestParam(name = "user", required = false) String userId,
            @RequestParam(name = "oa", required = false) String oaId,
            @RequestParam(name = "group", required = false) String groupId,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            org.springframework.security.web.csrf.CsrfToken csrf,
            Model model) {
        // Load the (deferred) CSRF token now: with many simulated users the page outgrows the response buffer before
        // its first form, and the session could no longer be created once the response is committed.
        csrf.getToken();
        var user = userId == null || !world.knows(userId)
                ? world.users().iterator().next()
                : world.user(userId);
        SimOa oa = oaId == null ? null : world.oa(oaId).orElse(null);
        if (oa == null && !world.oas().isEmpty()) {
            oa = world.oas().iterator().next();
        }
        model.addAttribute("user", user);
        model.addAttribute("users", world.users());
        model.addAttribute("oas", world.oas());
        model.addAttribute("oa", oa);
        if (oa != null) {
            model.addAttribute("following", world.follows(oa.oaId(), user.userId()));
            model.addAttribute("villages", directory.villagesOf(oa.communeCode()));
            model.addAttribute(
                    "village", audience.villageOf(oa.oaId(), user.userId()).orElse(null));
            model.addAttribute("messages", residents.read(oa, user.userId()));
            var groups = world.groupsOf(oa.oaId());
            model.addAttribute("groups", groups);
            var group = groupId == null
                    ? groups.stream().findFirst().orElse(null)
                    : world.group(groupId).orElse(null);
            model.addAttribute("group", group);
            if (group != null) {
                model.addAttribute("groupMessages", world.conversation(oa.oaId(), group.groupId()));
            }
        }
        return htmx != null ? "zalosim/phone :: messages" : "zalosim/phone";
    }

    @PostMapping("/sim/phone/users")
    String newUser(@RequestParam(name = "name", defaultValue = "") String name) {
        String display = name.strip();
        if (display.isEmpty() || display.length() > 60) {
            return "redirect:/sim/phone?error=name";
        }
        return "redirect:" + back(world.newUser(display).userId(), null, null);
    }

    @PostMapping("/sim/phone/follow")
    String follow(@RequestParam String user, @RequestParam String oa, @RequestParam boolean follow) {
        world.oa(oa).ifPresent(page -> residents.follow(page, world.user(user).userId(), follow));
        return "redirect:" + back(user, oa, null);
    }

    /** Stands for the village tag an officer puts on the follower in Zalo's own tools. */
    @PostMapping("/sim/phone/village")
    String village(@RequestParam String user, @RequestParam String oa, @RequestParam long village) {
        world.oa(oa)
                .ifPresent(page -> directory
                        .village(village)
                        .filter(v -> v.communeCode().equals(page.communeCode()))
                        .ifPresent(v -> audience.placeByTag(
                                page.oaId(), world.user(user).userId(), v.id())));
        return "redirect:" + back(user, oa, null);
    }

    @PostMapping("/sim/phone/text")
    String text(@RequestParam String user, @RequestParam String oa, @RequestParam(defaultValue = "") String text) {
        String body = text.strip();
        if (!body.isEmpty() && body.length() <= MAX_TEXT) {
            world.oa(oa)
                    .ifPresent(page -> residents.sendText(page, world.user(user).userId(), body));
        }
        return "redirect:" + back(user, oa, null);
    }

    @PostMapping("/sim/phone/location")
    String location(
            @RequestParam String user, @RequestParam String oa, @RequestParam double lat, @RequestParam double lon) {
        if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
            world.oa(oa)
                    .ifPresent(page ->
                            residents.sendLocation(page, world.user(user).userId(), lat, lon));
        }
        return "redirect:" + back(user, oa, null);
    }

    /** A photo from the phone: the simulated CDN keeps it and the event carries its link, as Zalo's does. */
    @PostMapping("/sim/phone/photo")
    String photo(
            @RequestParam String user,
            @RequestParam String oa,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            @RequestParam(defaultValue = "") String caption)
            throws java.io.IOException {
        if (photo != null && !photo.isEmpty() && photo.getSize() <= MAX_PHOTO && caption.length() <= MAX_TEXT) {
            String id = world.storeMedia(photo.getBytes());
            String url = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/sim/zalo/media/"
                    + id;
            world.oa(oa)
                    .ifPresent(
                            page -> residents.sendImage(page, world.user(user).userId(), url, caption.strip()));
        }
        return "redirect:" + back(user, oa, null);
    }

    /** The resident answers the page's request for information (name, phone, address). */
    @PostMapping("/sim/phone/info")
    String info(
            @RequestParam String user,
            @RequestParam String oa,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String address) {
        if (name.length() <= 100 && phone.length() <= 20 && address.length() <= 300 && !name.isBlank()) {
            world.oa(oa)
                    .ifPresent(page -> residents.submitInfo(
                            page, world.user(user).userId(), name.strip(), phone.strip(), address.strip()));
        }
        return "redirect:" + back(user, oa, null);
    }

    @PostMapping("/sim/phone/group")
    String group(
            @RequestParam String user,
            @RequestParam String oa,
            @RequestParam String group,
            @RequestParam(defaultValue = "") String text) {
        String body = text.strip();
        if (!body.isEmpty() && body.length() <= MAX_TEXT) {
            world.group(group)
                    .ifPresent(g -> residents.sendGroupText(g, world.user(user).userId(), body));
        }
        return "redirect:" + back(user, oa, group);
    }

    private static String back(String user, String oa, String group) {
        return UriComponentsBuilder.fromPath("/sim/phone")
                .queryParam("user", user)
                .queryParamIfPresent("oa", java.util.Optional.ofNullable(oa))
                .queryParamIfPresent("group", java.util.Optional.ofNullable(group))
                .build()
                .toUriString();
    }
}
