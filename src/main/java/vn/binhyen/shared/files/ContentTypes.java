package vn.binhyen.shared.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.tika.Tika;

/**
 * What a file is, read from its bytes (Apache Tika), never from its name or the type its sender claims: a renamed
 * .exe is not a photo. Tips' photos and bulletins' photos are both checked with it.
 */
public final class ContentTypes {

    private static final Tika TIKA = new Tika();

    private ContentTypes() {}

    public static String of(byte[] content) {
        try {
            return TIKA.detect(new ByteArrayInputStream(content));
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
