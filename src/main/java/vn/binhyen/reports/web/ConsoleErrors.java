package vn.binhyen.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipWorkflowException;

/**
 * Console errors as officers should see them: a refused action goes back to the tip with the reason in Vietnamese;
 * a tip outside the officer's area is simply not found.
 */
// Ahead of the shared fallbacks (shared/web: RequestErrors, BadInputErrors), which answer the same exceptions for every
// page: the module knows how its own pages refuse.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    private static final Pattern TIP_PAGE = Pattern.compile("(/[^/]+)*?/console/tips/\\d+");

    private final MessageSource messages;

    ConsoleErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TipNotFoundException.class)
    ModelAndView notFound() {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(HttpStatus.NOT_FOUND);
        view.addObject("status", 404);
        return view;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest() {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(HttpStatus.BAD_REQUEST);
        view.addObject("status", 400);
        return view;
    }

    @ExceptionHandler(TipWorkflowException.class)
    ModelAndView refused(TipWorkflowException e, HttpServletRequest request) {
        String message = messages.getMessage(
                e.messageKey(), localized(e.arguments()), e.messageKey(), LocaleContextHolder.getLocale());
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("actionError", message);
        return new ModelAndView("redirect:" + pageOf(request.getRequestURI()));
    }

    /**
     * The page the refused action was sent from: the tip's page for every action on a tip (also those a level deeper,
     * as {@code /protection/forward}), else the address without its last step.
     */
    static String pageOf(String actionUri) {
        Matcher tip = TIP_PAGE.matcher(actionUri);
        return tip.lookingAt() ? tip.group() : actionUri.substring(0, actionUri.lastIndexOf('/'));
    }

    /** Status names in the arguments are message keys themselves: show their labels. */
    private Object[] localized(Object[] arguments) {
        Object[] result = arguments.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof String key && key.startsWith("tip.")) {
                result[i] = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
            }
        }
        return result;
    }
}
