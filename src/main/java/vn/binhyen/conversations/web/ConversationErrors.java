package vn.binhyen.conversations.web;

import jakarta.validation.ConstraintViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.binhyen.conversations.ConversationNotFoundException;

/** The conversation pages' errors as the console's error page: a thread out of scope is "not found", never a 500. */
// Ahead of the shared fallbacks (shared/web: RequestErrors, BadInputErrors), which answer the same exceptions for every
// page: the module knows how its own pages refuse.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice(basePackageClasses = ConversationErrors.class)
class ConversationErrors {

    @ExceptionHandler(ConstraintViolationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidTip(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }
}
