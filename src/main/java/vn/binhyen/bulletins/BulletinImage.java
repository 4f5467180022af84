package vn.binhyen.bulletins;

/**
 * A photo of a bulletin as stored.
 *
 * @param contentType read from the bytes when it was uploaded, never from the file's name
 */
public record BulletinImage(String contentType, byte[] content) {

    @Override
    public String toString() {
        return "BulletinImage[" + contentType + ", " + content.length + " bytes]";
    }
}
