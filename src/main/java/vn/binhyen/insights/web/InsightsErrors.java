package vn.binhyen.insights.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.binhyen.insights.internal.Boundaries.BadBoundariesException;
import vn.binhyen.insights.internal.Period.BadPeriodException;
import vn.binhyen.insights.internal.UnitNotFoundException;
import vn.binhyen.insights.internal.UnitNotVisibleException;

/**
 * Insights pages' errors, each a 4xx page with a Vietnamese sentence: a unit outside the officer's scope is refused
 * (403) whatever the address, an unknown unit is not found (404), a bad period or parameter is a 400.
 */
// Ahead of the shared fallbacks (shared/web: RequestErrors, BadInputErrors), which answer the same exceptions for every
// page: the module knows how its own pages refuse.
@Order(Ordered.LOWEST_PRECEDENCE - 1)
@ControllerAdvice(basePackageClasses = InsightsErrors.class)
class InsightsErrors {

    private final MessageSource messages;

    InsightsErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UnitNotVisibleException.class)
    ModelAndView notVisible() {
        return refused(HttpStatus.FORBIDDEN, "insights.error.scope");
    }

    @ExceptionHandler(UnitNotFoundException.class)
    ModelAndView notFound() {
        return refused(HttpStatus.NOT_FOUND, "insights.error.unit");
    }

    @ExceptionHandler(BadPeriodException.class)
    ModelAndView badPeriod() {
        return refused(HttpStatus.BAD_REQUEST, "insights.error.period");
    }

    @ExceptionHandler(BadBoundariesException.class)
    ModelAndView badBoundaries() {
        return refused(HttpStatus.UNPROCESSABLE_CONTENT, "insights.error.boundaries");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest() {
        return refused(HttpStatus.BAD_REQUEST, "error.400");
    }

    private ModelAndView refused(HttpStatus status, String key) {
        ModelAndView view = new ModelAndView("insights/refused");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("errorMessage", messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        return view;
    }
}
