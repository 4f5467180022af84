package vn.binhyen.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.binhyen.reports.TipNotFoundException;
import vn.binhyen.reports.TipWorkflowException;

/**
 * Console errors as officers should see them: a refused action goes back to the tip with the reason in Vietnamese;
 * a tip outside the officer's area is simply not found.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    private final MessageSource messages;

    ConsoleErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TipNotFoundException.class)
    ModelAndView notFound() {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(HttpStatus.NOT_FOUND);
        view.addObject("status", 404);
        return view;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest() {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(HttpStatus.BAD_REQUEST);
        view.addObject("status", 400);
        return view;
    }

    @ExceptionHandler(TipWorkflowException.class)
    ModelAndView refused(TipWorkflowException e, HttpServletRequest request) {
        String message = messages.getMessage(e.messageKey(), localized(e.arguments()), e.messageKey(), LocaleContextHolder.getLocale());
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("actionError", message);
        String uri = request.getRequestURI();
        String tipPage = uri.substring(0, uri.lastIndexOf('/'));
        ModelAndView view = new ModelAndView("redirect:" + tipPage);
        return view;
    }

    /** Status names in the arguments are message keys themselves: show their labels. */
    private Object[] localized(Object[] arguments) {
        Object[] result = arguments.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] instanceof String key && key.startsWith("tip.")) {
                result[i] = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
            }
        }
        return result;
    }

}
