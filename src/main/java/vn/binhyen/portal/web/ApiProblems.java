package vn.binhyen.portal.web;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.binhyen.reports.AttachmentRejectedException;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipWorkflowException;
import vn.binhyen.reports.UnknownPlaceException;

/** RFC 9457 problem details, in Vietnamese, for every way an API call can go wrong. Never a 500 for bad input. */
@RestControllerAdvice(assignableTypes = TipApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TipNotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, text("tip.notFound"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingSecret() {
        return problem(HttpStatus.UNAUTHORIZED, text("tip.notFound"));
    }

    @ExceptionHandler(UnknownPlaceException.class)
    ProblemDetail unknownPlace(UnknownPlaceException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text(e.messageKey()));
    }

    @ExceptionHandler(AttachmentRejectedException.class)
    ProblemDetail attachment(AttachmentRejectedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text(e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(TipWorkflowException.class)
    ProblemDetail workflow(TipWorkflowException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, text(e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", text(f)))
                .distinct()
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.400"));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail violated(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .distinct() // NaN breaks both @DecimalMin and @DecimalMax: one sentence is enough
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.400"));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidArguments(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getAllErrors().stream()
                .map(error -> Map.of("message", text(error)))
                .distinct()
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, text("error.400"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A time that is not one is a malformed request (400); one before 1900 or in the future is refused (422). */
    @ExceptionHandler(TipRequests.OccurredAtRejectedException.class)
    ProblemDetail occurredAt(TipRequests.OccurredAtRejectedException e) {
        String sentence = text(e.messageKey());
        ProblemDetail problem = e.unreadable()
                ? problem(HttpStatus.BAD_REQUEST, text("error.400"))
                : problem(HttpStatus.UNPROCESSABLE_CONTENT, sentence);
        problem.setProperty("errors", List.of(Map.of("field", "occurredAt", "message", sentence)));
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestPartException.class})
    ProblemDetail unreadable() {
        return problem(HttpStatus.BAD_REQUEST, text("error.400"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType() {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.415"));
    }

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(detail);
        return problem;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    private String text(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
