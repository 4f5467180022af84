package vn.binhyen.bulletins.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.binhyen.bulletins.BulletinException;
import vn.binhyen.bulletins.BulletinImage;
import vn.binhyen.shared.files.ContentTypes;

/**
 * The photos of a bulletin: at most {@link #MAX_IMAGES}, each at most {@link #MAX_BYTES}, JPEG, PNG or WebP as the
 * bytes say (what Zalo's articles and every phone's browser show). A new upload replaces the draft's photos.
 */
@Component
public class BulletinImages {

    public static final int MAX_IMAGES = 3;
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Set<String> ALLOWED = Set.of("image/jpeg", "image/png", "image/webp");

    private final JdbcClient jdbc;

    BulletinImages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads each upload's type from its bytes; throws with a Vietnamese message key for the first one refused. */
    public List<BulletinImage> check(List<byte[]> uploads) {
        if (uploads.size() > MAX_IMAGES) {
            throw new BulletinException("bulletins.error.imagesTooMany", "Too many images");
        }
        List<BulletinImage> checked = new ArrayList<>();
        for (byte[] content : uploads) {
            if (content.length == 0 || content.length > MAX_BYTES) {
                throw new BulletinException("bulletins.error.imageSize", "Image empty or too large");
            }
            String type = ContentTypes.of(content);
            if (!ALLOWED.contains(type)) {
                throw new BulletinException("bulletins.error.imageType", "Not an image");
            }
            checked.add(new BulletinImage(type, content));
        }
        return checked;
    }

    public void replace(long bulletinId, List<BulletinImage> images) {
        jdbc.sql("DELETE FROM bulletins.images WHERE bulletin_id = ?")
                .param(bulletinId)
                .update();
        for (int i = 0; i < images.size(); i++) {
            jdbc.sql("""
                            INSERT INTO bulletins.images (bulletin_id, position, content_type, content)
                            VALUES (?, ?, ?, ?)
                            """)
                    .params(
                            bulletinId,
                            i + 1,
                            images.get(i).contentType(),
                            images.get(i).content())
                    .update();
        }
    }

    public void copy(long fromBulletinId, long toBulletinId) {
        jdbc.sql("""
                        INSERT INTO bulletins.images (bulletin_id, position, content_type, content)
                        SELECT ?, position, content_type, content FROM bulletins.images WHERE bulletin_id = ?
                        """).params(toBulletinId, fromBulletinId).update();
    }

    /** The positions (1, 2, …) of the bulletin's photos, for the pages to link. */
    public List<Integer> positions(long bulletinId) {
        return jdbc.sql("SELECT position FROM bulletins.images WHERE bulletin_id = ? ORDER BY position")
                .param(bulletinId)
                .query(Integer.class)
                .list();
    }

    public Optional<BulletinImage> find(long bulletinId, int position) {
        return jdbc.sql("SELECT content_type, content FROM bulletins.images WHERE bulletin_id = ? AND position = ?")
                .params(bulletinId, position)
                .query((rs, n) -> new BulletinImage(rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }
}
