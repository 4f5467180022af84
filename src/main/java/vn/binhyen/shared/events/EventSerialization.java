package vn.binhyen.shared.events;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * How events are written into the event publication registry: as Spring Modulith's own Jackson serializer does (the
 * application's {@link JsonMapper}, the same JSON, so publications stored before read back the same), without two
 * costs it has on the hot path of every Zalo message.
 *
 * <p>Modulith's serializer looks the mapper up in the bean factory on every call, and the registry serializes an
 * event once per listener: a resident's message has four listeners (questions, early warning, rollups, bulletin
 * replies), so four bean look-ups and four identical JSON documents. In a profile of the webhook benchmark that was
 * most of an event-processing lane's CPU. Here the mapper is resolved once, and the JSON of the event last written on
 * this thread is reused while the same event object is stored for its next listener.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    EventSerializer eventSerializer(ObjectProvider<JsonMapper> mapper) {
        return new MemoizingSerializer(mapper.getIfAvailable(JsonMapper::new));
    }

    static final class MemoizingSerializer implements EventSerializer {

        private record Last(Object event, String json) {}

        private final JsonMapper mapper;
        private final ThreadLocal<Last> last = new ThreadLocal<>();

        MemoizingSerializer(JsonMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public Object serialize(Object event) {
            Last previous = last.get();
            // Identity, not equality: only the very same object is known to serialize the same way.
            if (previous != null && previous.event() == event) {
                return previous.json();
            }
            String json = mapper.writeValueAsString(event);
            last.set(new Last(event, json));
            return json;
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return mapper.readerFor(type).readValue(serialized.toString());
        }
    }
}
