package vn.binhyen.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Requests Spring MVC refuses around a controller: an address nothing answers (a trailing slash too), a method or a
 * media type it does not take, a path or query value that is not a number, an upload over the ceiling. Spring Boot's
 * own handler for these answered everyone, browsers included, with English problem details ("No endpoint GET …",
 * "Failed to convert 'id' …"). Declaring this one replaces it (Boot steps back when the application has a
 * {@link ResponseEntityExceptionHandler}); it answers in Vietnamese, problem details for the API and the error page
 * for people.
 *
 * <p>Last in line, so that a module's own advice, scoped to its controllers, answers first what it can say better.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrors extends ResponseEntityExceptionHandler {

    private final VietnameseErrorAttributes sentences;

    RequestErrors(VietnameseErrorAttributes sentences) {
        this.sentences = sentences;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet
                && !servlet.getRequest().getRequestURI().startsWith("/api/")
                && servlet.getResponse() != null
                && !servlet.getResponse().isCommitted()) {
            // People get the error page, rendered by the error endpoint with the Vietnamese sentence for the status
            errorPage(servlet.getResponse(), headers, status);
            return null;
        }
        String sentence = sentences.sentence(status.value());
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        problem.setTitle(sentence);
        problem.setDetail(sentence);
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static void errorPage(HttpServletResponse response, HttpHeaders headers, HttpStatusCode status) {
        // Allow (405) and Accept (415) still tell the client what would work
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            response.sendError(status.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
