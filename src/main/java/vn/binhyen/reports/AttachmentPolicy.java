package vn.binhyen.reports;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import vn.binhyen.shared.files.ContentTypes;

/**
 * Which files a tip may carry. The type is read from the bytes (a renamed .exe is not a photo), never from the name.
 * Channels call {@link #check} before a tip is submitted so the resident is told at once, next to the field.
 */
@Component
public class AttachmentPolicy {

    /** Photos phones make; the value is the extension we store them under. */
    private static final Map<String, String> ALLOWED = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "image/webp", "webp", "image/heic", "heic", "image/gif", "gif");

    private final Limits limits;

    AttachmentPolicy(Limits limits) {
        this.limits = limits;
    }

    public int maxFiles() {
        return limits.maxFiles();
    }

    public long maxBytes() {
        return limits.maxBytes();
    }

    /** Checks every file; throws with a Vietnamese message key for the first problem found. */
    public void check(List<NewAttachment> attachments) {
        if (attachments.size() > limits.maxFiles()) {
            throw new AttachmentRejectedException("tip.photos.too-many", limits.maxFiles());
        }
        for (NewAttachment attachment : attachments) {
            if (attachment.content().length == 0) {
                throw new AttachmentRejectedException("tip.photos.empty", attachment.fileName());
            }
            if (attachment.content().length > limits.maxBytes()) {
                throw new AttachmentRejectedException(
                        "tip.photos.too-large", attachment.fileName(), limits.maxBytes() / (1024 * 1024));
            }
            if (!ALLOWED.containsKey(contentTypeOf(attachment.content()))) {
                throw new AttachmentRejectedException("tip.photos.wrong-type", attachment.fileName());
            }
        }
    }

    public String contentTypeOf(byte[] content) {
        return ContentTypes.of(content);
    }

    /**
     * @param maxFiles photos per tip
     * @param maxBytes bytes per photo
     */
    @ConfigurationProperties("binhyen.reports.attachments")
    record Limits(
            @DefaultValue("5") int maxFiles,
            @DefaultValue("5242880") long maxBytes) {}
}
