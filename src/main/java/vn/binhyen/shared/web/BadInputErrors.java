package vn.binhyen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last line against a 500 for bad input: a constraint that a module's own handling did not catch is a 400 with
 * the Vietnamese sentence, as problem details for the API and the error page for everyone else.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInputErrors {

    private final MessageSource messages;

    BadInputErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object invalid(HttpServletRequest request) {
        String detail = messages.getMessage("error.400", null, LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle(detail);
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("errorMessage", detail);
        return page;
    }
}
