package vn.binhyen.insights.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.binhyen.insights.internal.PublicPages;
import vn.binhyen.insights.internal.Unit.Level;
import vn.binhyen.insights.internal.UnitNotFoundException;
import vn.binhyen.insights.internal.Units;

/** The public transparency page of a province ({@code /minh-bach/66}); not found unless the province publishes it. */
@Controller
class PublicInsightsController {

    private final Units units;
    private final PublicPages pages;

    PublicInsightsController(Units units, PublicPages pages) {
        this.units = units;
        this.pages = pages;
    }

    @GetMapping("/minh-bach/{province}")
    String page(@PathVariable String province, Model model) {
        var unit = units.find(Level.PROVINCE, province)
                .filter(u -> pages.published(u.key()))
                .orElseThrow(UnitNotFoundException::new);
        model.addAttribute("province", unit);
        model.addAttribute("months", pages.months(unit));
        return "insights/public";
    }
}
