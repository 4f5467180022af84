package vn.binhyen.knowledge.web;

/** A question the search cannot take (missing, too long, bad limit): a 400 with a Vietnamese sentence. */
class BadQuestionException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    BadQuestionException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
