package vn.binhyen.incidents.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.incidents.internal.IncidentConsole;

/**
 * The live alert banner every console page polls (htmx, every 2 s): the officer's unacknowledged urgent alerts. The
 * banner's script plays a sound when a new alert appears.
 */
@Controller
class AlertController {

    private final IncidentConsole console;

    AlertController(IncidentConsole console) {
        this.console = console;
    }

    @GetMapping("/console/alerts")
    String live(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        model.addAttribute("alerts", console.liveAlerts(officer.officerId()));
        return "incidents/alerts :: live";
    }

    @PostMapping("/console/alerts/{id}/ack")
    String acknowledge(@AuthenticationPrincipal SignedInOfficer officer, @PathVariable long id, Model model) {
        console.acknowledge(officer.officerId(), id);
        return live(officer, model);
    }
}
