package vn.binhyen.conversations.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.binhyen.accounts.AccessScope;
import vn.binhyen.accounts.Accounts;
import vn.binhyen.accounts.SignedInOfficer;
import vn.binhyen.conversations.ReplyRejectedException;
import vn.binhyen.conversations.internal.QuestionStore.AutoAnswerSetting;
import vn.binhyen.conversations.internal.Questions;
import vn.binhyen.directory.CommuneView;
import vn.binhyen.directory.Directory;
import vn.binhyen.directory.OfficerRole;

/**
 * Residents' questions for the unit: how many came and how they were answered, the ones the knowledge base could
 * not answer (to write new entries for), automatic answers to check, and the unit's automatic-answer switch.
 */
@Controller
class QuestionController {

    private static final String PAGE = "/console/conversations/questions";
    private static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final Questions questions;
    private final Accounts accounts;
    private final Directory directory;
    private final Clock clock;

    QuestionController(Questions questions, Accounts accounts, Directory directory, Clock clock) {
        this.questions = questions;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(name = "days", defaultValue = "30") int days,
            Model model) {
        AccessScope scope = accounts.scopeOf(officer);
        int period = PERIODS.contains(days) ? days : 30;
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(period));
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("figures", questions.figures(scope, from, to));
        model.addAttribute("unmatched", questions.unmatched(scope, from, to));
        model.addAttribute("automatic", questions.automaticAnswers(scope, from, to));
        model.addAttribute("settings", settingsOf(settableCommunes(scope)));
        model.addAttribute("lowest", Questions.LOWEST_THRESHOLD);
        model.addAttribute("recommended", Questions.RECOMMENDED_THRESHOLD);
        return "conversations/questions";
    }

    /** The last 30 days' figures, as a fragment the unit overview loads. */
    @GetMapping(PAGE + "/summary")
    String summary(@AuthenticationPrincipal SignedInOfficer officer, Model model) {
        Instant to = clock.instant();
        model.addAttribute("figures", questions.figures(accounts.scopeOf(officer), to.minus(Duration.ofDays(30)), to));
        return "conversations/questions :: summary";
    }

    /** @param threshold as the form's options write it ("0.85") */
    public record CommuneSetting(CommuneView commune, boolean enabled, String threshold) {

        static CommuneSetting of(CommuneView commune, AutoAnswerSetting setting) {
            return new CommuneSetting(
                    commune,
                    setting.enabled(),
                    setting.threshold().setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
    }

    @PostMapping(PAGE + "/settings")
    String saveSetting(
            @AuthenticationPrincipal SignedInOfficer officer,
            @RequestParam(name = "communeCode", defaultValue = "") String communeCode,
            @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
            @RequestParam(name = "threshold", defaultValue = "0.80") BigDecimal threshold,
            RedirectAttributes redirect) {
        try {
            questions.saveSetting(accounts.scopeOf(officer), communeCode, enabled, threshold);
            redirect.addFlashAttribute("notice", "conversations.auto.saved");
        } catch (ReplyRejectedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/review")
    String review(
            @AuthenticationPrincipal SignedInOfficer officer,
            @PathVariable long id,
            @RequestParam(name = "right", defaultValue = "false") boolean right,
            RedirectAttributes redirect) {
        questions.review(accounts.scopeOf(officer), id, right);
        redirect.addFlashAttribute("notice", "conversations.auto.reviewed");
        return "redirect:" + PAGE;
    }

    private List<CommuneSetting> settingsOf(List<CommuneView> communes) {
        var settings =
                questions.settings(communes.stream().map(CommuneView::code).toList());
        return communes.stream()
                .map(c -> CommuneSetting.of(c, settings.get(c.code())))
                .toList();
    }

    /** The communes whose switch this officer may turn: a chief's own, every commune for the province command. */
    private List<CommuneView> settableCommunes(AccessScope scope) {
        if (scope.role() == OfficerRole.COMMUNE_CHIEF) {
            return directory.commune(scope.unitCode()).stream().toList();
        }
        if (scope.role() == OfficerRole.PROVINCE_COMMAND) {
            return directory.communesOf(scope.provinceCode());
        }
        return List.of();
    }
}
