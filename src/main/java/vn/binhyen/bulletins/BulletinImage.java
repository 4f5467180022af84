package vn.binhyen.bulletins;

/**
 * A photo in a bulletin, as uploaded or as stored.
 *
 * @param contentType read from the bytes, never from the file's name
 */
public record BulletinImage(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "BulletinImage[" + contentType + ", " + content.length + " bytes]";
    }
}
