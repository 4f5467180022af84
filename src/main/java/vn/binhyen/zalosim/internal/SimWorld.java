package vn.binhyen.zalosim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Everything the simulated Zalo knows, in memory: OAs, users, who follows whom, tokens, codes, groups and every
 * phone's messages. Ids look like Zalo's (long digit strings, 20-hex message ids).
 */
@Component
@SimulatorOnly
public class SimWorld {

    private final SecureRandom random = new SecureRandom();
    private final SimProperties properties;
    private final Clock clock;

    final Map<String, SimOa> oas = new ConcurrentHashMap<>();
    final Map<String, SimUser> users = new ConcurrentHashMap<>();
    final Map<String, SimGroup> groups = new ConcurrentHashMap<>();
    final Map<String, Set<String>> followers = new ConcurrentHashMap<>();
    final Map<String, Instant> lastInteraction = new ConcurrentHashMap<>();
    final Map<String, List<PhoneMessage>> phones = new ConcurrentHashMap<>();
    final Map<String, Set<String>> tags = new ConcurrentHashMap<>();
    final Map<String, byte[]> media = new ConcurrentHashMap<>();
    final Map<String, Integer> cities = new ConcurrentHashMap<>();

    public SimWorld(SimProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        for (var persona : List.of(
                new String[] {"6142494823000000001", "Nguyễn Thị Mai"},
                new String[] {"6142494823000000002", "Y Blê Niê"},
                new String[] {"6142494823000000003", "Trần Văn Hòa"},
                new String[] {"6142494823000000004", "H'Hen Êban"})) {
            users.put(persona[0], new SimUser(persona[0], persona[1]));
        }
    }

    public record SimOa(String oaId, String appId, String communeCode, String name, String oaSecretKey) {
        @Override
        public String toString() {
            return "SimOa[" + oaId + "]";
        }
    }

    public record SimUser(String userId, String displayName) {}

    public record SimGroup(String groupId, String oaId, String name) {}

    /** One message on a phone's screen in its conversation with an OA (or in a group). */
    public static final class PhoneMessage {
        public final String msgId;
        public final boolean fromOa;
        public final String text;
        public final Instant at;
        public final @Nullable String senderName;
        volatile boolean seen;

        PhoneMessage(String msgId, boolean fromOa, String text, Instant at, @Nullable String senderName) {
            this.msgId = msgId;
            this.fromOa = fromOa;
            this.text = text;
            this.at = at;
            this.senderName = senderName;
        }

        public boolean seen() {
            return seen;
        }
    }

    /** The OA for a commune: the same ids and secret key on every start, so existing bindings keep working. */
    public SimOa openOa(String communeCode, String name) {
        String oaId = "37" + digits("oa:" + communeCode, 17);
        return oas.computeIfAbsent(
                oaId,
                id -> new SimOa(id, properties.appId(), communeCode, name, "oa-secret-" + digits("secret:" + id, 24)));
    }

    public Optional<SimOa> oa(String oaId) {
        return Optional.ofNullable(oas.get(oaId));
    }

    public Collection<SimOa> oas() {
        return oas.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    public SimUser user(String userId) {
        return users.computeIfAbsent(userId, id -> new SimUser(id, "Người dùng Zalo " + id.substring(id.length() - 4)));
    }

    public boolean knows(String userId) {
        return users.containsKey(userId);
    }

    public SimUser newUser(String displayName) {
        String id = "61" + digits("user:" + randomHex(8), 17);
        SimUser user = new SimUser(id, displayName);
        users.put(id, user);
        return user;
    }

    public Collection<SimUser> users() {
        return users.values().stream()
                .sorted((a, b) -> a.displayName().compareTo(b.displayName()))
                .toList();
    }

    public SimGroup openGroup(String oaId, String name) {
        String groupId = "9" + digits("group:" + oaId + ":" + name, 18);
        return groups.computeIfAbsent(groupId, id -> new SimGroup(id, oaId, name));
    }

    public List<SimGroup> groupsOf(String oaId) {
        return groups.values().stream()
                .filter(g -> g.oaId().equals(oaId))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    public Optional<SimGroup> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    public boolean follows(String oaId, String userId) {
        return followers.getOrDefault(oaId, Set.of()).contains(userId);
    }

    public void setFollowing(String oaId, String userId, boolean following) {
        var set = followers.computeIfAbsent(oaId, id -> ConcurrentHashMap.newKeySet());
        if (following) {
            set.add(userId);
        } else {
            set.remove(userId);
        }
    }

    public List<String> followersOf(String oaId) {
        return new ArrayList<>(followers.getOrDefault(oaId, Set.of()))
                .stream().sorted().toList();
    }

    public void interacted(String oaId, String userId, Instant at) {
        lastInteraction.put(oaId + "/" + userId, at);
    }

    public @Nullable Instant lastInteraction(String oaId, String userId) {
        return lastInteraction.get(oaId + "/" + userId);
    }

    /** Tests move a user's last interaction into the past to try the 7-day window. */
    public void forgetInteraction(String oaId, String userId) {
        lastInteraction.remove(oaId + "/" + userId);
    }

    public List<PhoneMessage> conversation(String oaId, String contactId) {
        return phones.computeIfAbsent(oaId + "/" + contactId, key -> new CopyOnWriteArrayList<>());
    }

    public PhoneMessage addMessage(
            String oaId, String contactId, boolean fromOa, String text, @Nullable String sender) {
        var message = new PhoneMessage(randomHex(10), fromOa, text, clock.instant(), sender);
        conversation(oaId, contactId).add(message);
        return message;
    }

    /** The OA tagged the follower (the OA admin's tags in Zalo; BinhYen reads them as villages). */
    public void tag(String oaId, String userId, String tag) {
        tags.computeIfAbsent(oaId + "/" + userId, key -> ConcurrentHashMap.newKeySet())
                .add(tag);
    }

    public void untag(String oaId, String userId, String tag) {
        tags.getOrDefault(oaId + "/" + userId, Set.of()).remove(tag);
    }

    public List<String> tagsOf(String oaId, String userId) {
        return tags.getOrDefault(oaId + "/" + userId, Set.of()).stream()
                .sorted()
                .toList();
    }

    /** The city (Zalo's code, 0–63) Zalo places the user in, which broadcast targeting filters on. */
    public void placeInCity(String userId, int city) {
        cities.put(userId, city);
    }

    /** The user's city code, or null when Zalo does not know it (such a user gets no city-targeted broadcast). */
    public @Nullable Integer cityOf(String userId) {
        return cities.get(userId);
    }

    /** A photo a phone sent, served from the simulated CDN; returns its id. */
    public String storeMedia(byte[] bytes) {
        String id = randomHex(12);
        media.put(id, bytes.clone());
        return id;
    }

    public Optional<byte[]> media(String id) {
        return Optional.ofNullable(media.get(id));
    }

    /** A message that reached a phone which keeps nothing (load runs). */
    public PhoneMessage unkeptMessage(String text) {
        return new PhoneMessage(randomHex(10), true, "", clock.instant(), null);
    }

    public String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** A stable digit string derived from the seed and a name. */
    String digits(String name, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((properties.secretSeed() + "|" + name).getBytes(StandardCharsets.UTF_8));
            StringBuilder digits = new StringBuilder();
            for (byte b : hash) {
                digits.append(Math.floorMod(b, 10));
                if (digits.length() == length) {
                    break;
                }
            }
            return digits.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
