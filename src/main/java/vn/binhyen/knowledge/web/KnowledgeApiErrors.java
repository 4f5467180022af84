package vn.binhyen.knowledge.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad input to the knowledge API into a 400 problem whose detail a resident can read. Ahead of the application's
 * general handler for Spring's own errors, which would answer a parameter that is not a number without naming it.
 */
@RestControllerAdvice(assignableTypes = SuggestApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class KnowledgeApiErrors {

    private final MessageSource messages;

    KnowledgeApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail badQuestion(BadQuestionException e) {
        return problem(e.messageKey(), e.arguments());
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem("knowledge.error.parameter", e.getName());
    }

    private ProblemDetail problem(String key, Object... arguments) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
        problem.setTitle(messages.getMessage("knowledge.error.title", null, LocaleContextHolder.getLocale()));
        return problem;
    }
}
