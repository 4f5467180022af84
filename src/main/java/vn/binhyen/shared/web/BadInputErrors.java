package vn.binhyen.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(BadInputErrors.class);

    private final VietnameseErrorAttributes sentences;

    BadInputErrors(VietnameseErrorAttributes sentences) {
        this.sentences = sentences;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object invalid(HttpServletRequest request) {
        return refusal(request, HttpStatus.BAD_REQUEST);
    }

    /**
     * Parameters Tomcat could not read when a controller asked for them: bytes that are not UTF-8
     * ({@code /hoi-dap?q=%FF}), or a multipart body over a ceiling (then the cause of Spring's upload exception, and
     * Tomcat's code says 413). It reached the servlet container, which answered but logged an ERROR with a stack
     * trace for what is the client's mistake; one line at WARN says enough, without the values.
     */
    @ExceptionHandler(InvalidParameterException.class)
    Object unreadable(HttpServletRequest request, InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        // On the error page's own dispatch (it reads parameters too), name the address that failed, not /error
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        log.warn(
                "Refused {} ({}): its parameters could not be read",
                failed instanceof String uri ? uri : request.getRequestURI(),
                status.value());
        return refusal(request, status);
    }

    private Object refusal(HttpServletRequest request, HttpStatus status) {
        String detail = sentences.sentence(status.value());
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(detail);
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorMessage", detail);
        return page;
    }
}
