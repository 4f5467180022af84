package vn.binhyen.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A commune code or page that does not exist: a 404 with the Vietnamese error page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PageNotFoundException extends RuntimeException {
    PageNotFoundException() {
        super("No such page");
    }
}
