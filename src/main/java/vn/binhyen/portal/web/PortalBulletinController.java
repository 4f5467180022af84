package vn.binhyen.portal.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.binhyen.bulletins.BulletinView;
import vn.binhyen.bulletins.Bulletins;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;

/** A bulletin's own page (the link residents share) and each commune's Atom feed of bulletins. */
@Controller
class PortalBulletinController {

    private final Bulletins bulletins;
    private final Directory directory;

    PortalBulletinController(Bulletins bulletins, Directory directory) {
        this.bulletins = bulletins;
        this.directory = directory;
    }

    @GetMapping("/ban-tin/{id}")
    String bulletin(
            @PathVariable long id, @RequestParam(name = "x", required = false) String communeCode, Model model) {
        BulletinView bulletin = bulletins.published(id).orElseThrow(PageNotFoundException::new);
        bulletins.countView(id);
        CommuneView commune = communeFor(bulletin, communeCode);
        model.addAttribute("bulletin", bulletin);
        model.addAttribute("commune", commune);
        model.addAttribute("images", bulletins.publishedImages(bulletin));
        model.addAttribute(
                "shareUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/ban-tin/{id}")
                        .buildAndExpand(id)
                        .toUriString());
        return "portal/bulletin";
    }

    /** A published bulletin's photo: for residents, and for Zalo, which shows the article's photos from here. */
    @GetMapping("/ban-tin/{id}/anh/{position}")
    ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable int position) {
        var image = bulletins.publishedImage(id, position).orElseThrow(PageNotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.content());
    }

    @GetMapping(path = "/x/{communeCode}/ban-tin.atom")
    ResponseEntity<String> feed(@PathVariable String communeCode) {
        CommuneView commune = directory.commune(communeCode).orElseThrow(PageNotFoundException::new);
        List<BulletinView> items = bulletins.forCommune(commune.code(), 30);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String name = commune.policeUnitName() != null ? commune.policeUnitName() : commune.fullName();
        Instant updated = items.stream()
                .map(BulletinView::publishedAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n")
                .append("<title>")
                .append(escape(name))
                .append("</title>\n<id>")
                .append(escape(base + "/x/" + commune.code()))
                .append("</id>\n<link rel=\"self\" href=\"")
                .append(escape(base + "/x/" + commune.code() + "/ban-tin.atom"))
                .append("\"/>\n<link href=\"")
                .append(escape(base + "/x/" + commune.code()))
                .append("\"/>\n<updated>")
                .append(DateTimeFormatter.ISO_INSTANT.format(updated))
                .append("</updated>\n");
        for (BulletinView b : items) {
            String link = base + "/ban-tin/" + b.id();
            xml.append("<entry><title>")
                    .append(escape(b.title()))
                    .append("</title><id>")
                    .append(escape(link))
                    .append("</id><link href=\"")
                    .append(escape(link))
                    .append("\"/><updated>")
                    .append(DateTimeFormatter.ISO_INSTANT.format(b.publishedAt()))
                    .append("</updated><author><name>")
                    .append(escape(name))
                    .append("</name></author><content type=\"html\">")
                    .append(escape(b.bodyHtml()))
                    .append("</content></entry>\n");
        }
        xml.append("</feed>\n");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    private CommuneView communeFor(BulletinView bulletin, String requested) {
        if (requested != null) {
            var commune = directory.commune(requested).orElse(null);
            if (commune != null && commune.provinceCode().equals(bulletin.provinceCode())) {
                return commune;
            }
        }
        String home = bulletin.homeCommuneCode();
        if (home == null && !bulletin.communeCodes().isEmpty()) {
            home = bulletin.communeCodes().getFirst();
        }
        return home == null ? null : directory.commune(home).orElse(null);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
