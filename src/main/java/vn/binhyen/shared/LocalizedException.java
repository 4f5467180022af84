package vn.binhyen.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal the user should read as a clear sentence: the message key and arguments resolve in the messages bundle
 * (Vietnamese by default), the exception's own message is English, for logs. Being a {@link MessageSourceResolvable},
 * it can be handed to {@code MessageSource.getMessage(resolvable, locale)} as it is.
 */
public abstract class LocalizedException extends RuntimeException implements MessageSourceResolvable {

    private final String messageKey;
    private final Object[] arguments;

    protected LocalizedException(String messageKey, String logMessage, Object... arguments) {
        super(logMessage);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    /** A copy: the arguments are this exception's own. */
    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    public Object[] arguments() {
        return getArguments();
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey};
    }

    /** The key itself when the bundle lacks it, so a missing text shows as a key rather than failing the page. */
    @Override
    public @Nullable String getDefaultMessage() {
        return messageKey;
    }
}
