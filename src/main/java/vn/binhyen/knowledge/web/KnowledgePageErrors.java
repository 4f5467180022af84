package vn.binhyen.knowledge.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.binhyen.knowledge.internal.EntryNotFoundException;

/** FAQ and console pages: a Vietnamese error page with the right status, never a stack trace. */
// Ahead of the shared fallbacks (shared/web: RequestErrors, BadInputErrors), which answer the same exceptions for every
// page: the module knows how its own pages refuse.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice(assignableTypes = {FaqPages.class, ConsolePages.class})
class KnowledgePageErrors {

    private final MessageSource messages;

    KnowledgePageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(EntryNotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "knowledge.error.not-found", new Object[0]);
    }

    @ExceptionHandler(BadQuestionException.class)
    ModelAndView badQuestion(BadQuestionException e) {
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
