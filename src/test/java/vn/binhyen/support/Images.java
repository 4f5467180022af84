package vn.binhyen.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real image bytes made on the spot, so upload tests send what a phone would. */
public final class Images {

    private Images() {}

    public static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(11, 93, 59));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.drawString("BY", 20, 28);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
