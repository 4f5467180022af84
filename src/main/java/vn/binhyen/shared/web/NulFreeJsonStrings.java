package vn.binhyen.shared.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import vn.binhyen.shared.text.TypedText;

/**
 * Strings read from JSON bodies (the public API) come without U+0000, as request parameters do
 * ({@link NulFreeParameters}): JSON writes a NUL as {@code \u0000}, which would otherwise reach PostgreSQL and fail the
 * statement with a 500. Spring Boot registers every Jackson module bean with the application's JSON mapper.
 */
@Component
class NulFreeJsonStrings extends SimpleModule {

    NulFreeJsonStrings() {
        super("binhyen-nul-free-strings");
        addDeserializer(String.class, new NulFreeStringDeserializer());
    }

    private static final class NulFreeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return TypedText.withoutNul(super.deserialize(parser, context));
        }
    }
}
