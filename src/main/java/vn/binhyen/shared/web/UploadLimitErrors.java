package vn.binhyen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the hard limit is refused before any controller runs, so no module's own advice sees it. This one
 * answers 413 in Vietnamese: problem details for the API, the error page for everyone else.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadLimitErrors {

    private final MessageSource messages;
    private final DataSize perFile;

    UploadLimitErrors(
            MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${binhyen.reports.attachments.max-bytes:5242880}")
                    long perFileBytes) {
        this.messages = messages;
        this.perFile = DataSize.ofBytes(perFileBytes);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    Object tooLarge(HttpServletRequest request, MultipartException e) {
        boolean sizeProblem = e instanceof MaxUploadSizeExceededException
                || (e.getMessage() != null && e.getMessage().toLowerCase().contains("size"));
        HttpStatus status = sizeProblem ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String detail = sizeProblem
                ? messages.getMessage("error.413", new Object[] {perFile.toMegabytes()}, LocaleContextHolder.getLocale())
                : messages.getMessage("error.400", null, LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(detail);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorMessage", detail);
        return page;
    }
}
