package vn.binhyen.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventSerializationTests {

    record Sample(long id, String text, Instant at) {}

    private final EventSerialization.MemoizingSerializer serializer = new EventSerialization.MemoizingSerializer(
            JsonMapper.builder().findAndAddModules().build());

    @Test
    void writesTheSameJsonAsTheMapperAndReadsItBack() {
        var event = new Sample(7, "Tối nay có đua xe ở hồ", Instant.parse("2026-11-29T13:00:00Z"));

        Object json = serializer.serialize(event);

        assertThat(json)
                .isEqualTo(JsonMapper.builder().findAndAddModules().build().writeValueAsString(event));
        assertThat(serializer.deserialize(json, Sample.class)).isEqualTo(event);
    }

    @Test
    void theSameEventObjectIsWrittenOnceForAllItsListenersButAnEqualOneAgain() {
        var event = new Sample(1, "a", Instant.EPOCH);

        Object first = serializer.serialize(event);
        Object again = serializer.serialize(event);
        Object equalButNew = serializer.serialize(new Sample(1, "a", Instant.EPOCH));
        Object other = serializer.serialize(new Sample(2, "b", Instant.EPOCH));

        assertThat(again).isSameAs(first);
        assertThat(equalButNew).isEqualTo(first).isNotSameAs(first);
        assertThat(other).asString().contains("\"id\":2");
    }
}
