package vn.binhyen.incidents.web;

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
import vn.binhyen.incidents.IncidentActionException;
import vn.binhyen.incidents.IncidentNotFoundException;

/**
 * Incident pages' errors: an incident outside the officer's area is simply not found (404); a refused action or bad
 * input is a 4xx page with the reason in Vietnamese and a way back.
 */
// Ahead of the shared fallbacks (shared/web: RequestErrors, BadInputErrors), which answer the same exceptions for every
// page: the module knows how its own pages refuse.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice(basePackageClasses = IncidentErrors.class)
class IncidentErrors {

    /** Refusals that say "you may look but not change": a 403, not a bad request. */
    private static final java.util.Set<String> READ_ONLY =
            java.util.Set.of("incidents.error.settings", "duty.error.readOnly");

    private final MessageSource messages;

    IncidentErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(IncidentNotFoundException.class)
    ModelAndView notFound() {
        return refused(HttpStatus.NOT_FOUND, "error.404");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest() {
        return refused(HttpStatus.BAD_REQUEST, "error.400");
    }

    @ExceptionHandler(IncidentActionException.class)
    ModelAndView refused(IncidentActionException e) {
        HttpStatus status =
                READ_ONLY.contains(e.messageKey()) ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT;
        ModelAndView view = refused(status, e.messageKey(), e.arguments());
        return view;
    }

    private ModelAndView refused(HttpStatus status, String key, Object... arguments) {
        ModelAndView view = new ModelAndView("incidents/refused");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("errorMessage", messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale()));
        return view;
    }
}
