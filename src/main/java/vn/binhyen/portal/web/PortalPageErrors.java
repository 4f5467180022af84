package vn.binhyen.portal.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipWorkflowException;

/** Resident pages: a clear Vietnamese page with the right status, never a stack trace. */
// Ahead of the shared fallbacks (shared/web: RequestErrors, BadInputErrors), which answer the same exceptions for every
// page: the module knows how its own pages refuse.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice(assignableTypes = PortalController.class)
class PortalPageErrors {

    private final MessageSource messages;

    PortalPageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TipNotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "tip.notFound", new Object[0]);
    }

    @ExceptionHandler(TipWorkflowException.class)
    ModelAndView rejected(TipWorkflowException e) {
        return page(HttpStatus.BAD_REQUEST, e.messageKey(), e.arguments());
    }

    private ModelAndView page(HttpStatus status, String key, Object[] arguments) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("errorMessage", messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale()));
        return view;
    }
}
