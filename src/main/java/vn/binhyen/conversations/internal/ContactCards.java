package vn.binhyen.conversations.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.binhyen.conversations.ContactCard;
import vn.binhyen.conversations.ConversationChannel;
import vn.binhyen.shared.crypto.SecretBox;

/** Residents' contact cards, sealed with {@link SecretBox} and bound to their channel contact. */
@Component
public class ContactCards {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ThreadStore threads;
    private final SecretBox box;
    private final Clock clock;

    ContactCards(ThreadStore threads, SecretBox box, Clock clock) {
        this.threads = threads;
        this.box = box;
        this.clock = clock;
    }

    public void save(ConversationChannel channel, String accountRef, String contactRef, ContactCard card) {
        String json = JSON.writeValueAsString(new Sealed(card.fullName(), card.phone(), card.address()));
        threads.saveContactCard(
                channel, accountRef, contactRef, box.seal(json, aad(channel, accountRef, contactRef)), clock.instant());
    }

    public Optional<ContactCard> find(ConversationChannel channel, String accountRef, String contactRef) {
        return threads.contactCard(channel, accountRef, contactRef).map(bytes -> {
            Sealed value = JSON.readValue(box.open(bytes, aad(channel, accountRef, contactRef)), Sealed.class);
            return new ContactCard(value.fullName(), value.phone(), value.address());
        });
    }

    private static String aad(ConversationChannel channel, String accountRef, String contactRef) {
        return "contact:" + channel + ":" + accountRef + ":" + contactRef;
    }

    private record Sealed(String fullName, String phone, String address) {}
}
