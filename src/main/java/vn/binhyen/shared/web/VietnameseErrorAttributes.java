package vn.binhyen.shared.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that reach Spring Boot's error endpoint (an unknown page, a refused upload, a failure) carry a Vietnamese
 * sentence for people, in JSON as {@code detail} and on the error page, and never a stack trace or exception text.
 */
@Component
class VietnameseErrorAttributes extends DefaultErrorAttributes {

    /**
     * A request attribute naming the message to show instead of the status's own, for a refusal that knows more than
     * its status (a filter that can only send an error, not render a page).
     */
    static final String MESSAGE_KEY = VietnameseErrorAttributes.class.getName() + ".messageKey";

    private final MessageSource messages;
    private final long maxPhotoMegabytes;

    VietnameseErrorAttributes(
            MessageSource messages, @Value("${binhyen.reports.attachments.max-bytes:5242880}") long maxPhotoBytes) {
        this.messages = messages;
        this.maxPhotoMegabytes = maxPhotoBytes / (1024 * 1024);
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        String detail;
        if (ExpiredForms.expired(request, attributes.get("status"))) {
            detail = messages.getMessage("error.page-expired", null, LocaleContextHolder.getLocale());
            attributes.put("typed", ExpiredForms.typed(request));
            attributes.put("sentFrom", ExpiredForms.pageSentFrom(request));
        } else if (request.getAttribute(MESSAGE_KEY, RequestAttributes.SCOPE_REQUEST) instanceof String key) {
            detail = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
        } else {
            detail = sentence(attributes.get("status"));
        }
        attributes.put("detail", detail);
        attributes.putIfAbsent("errorMessage", detail);
        attributes.remove("exception");
        attributes.remove("trace");
        return attributes;
    }

    /** The Vietnamese sentence for an HTTP status ({@code error.<status>}), or the generic one. */
    String sentence(@Nullable Object status) {
        String fallback = messages.getMessage("common.error.generic", null, LocaleContextHolder.getLocale());
        return messages.getMessage(
                "error." + status, new Object[] {maxPhotoMegabytes}, fallback, LocaleContextHolder.getLocale());
    }
}
