package io.skillform.catalog;

import io.skillform.storage.MeteredInputStream;
import io.skillform.storage.TooLargeException;
import io.skillform.storage.UploadLimits;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A cover as the storefront serves it: decoded and re-encoded by us (which drops metadata and anything hidden in
 * the original file), at most {@value #MAX_SIDE} pixels on its longer side. JPEG, or PNG when it has transparency.
 */
public final class CoverImage {

    static final int MAX_SIDE = 1600;
    private static final int MIN_SIDE = 200;
    /** Checked from the header before decoding, so a small file cannot unpack into gigabytes of pixels. */
    private static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif");

    private CoverImage() {
    }

    /** @throws CatalogException with a message for the creator when the upload is not an acceptable image */
    public static byte[] normalize(InputStream upload) throws IOException {
        BufferedImage original;
        try (ImageInputStream in = ImageIO.createImageInputStream(new MeteredInputStream(upload, UploadLimits.MAX_COVER_BYTES))) {
            original = decode(in);
        } catch (IOException e) {
            if (e instanceof TooLargeException || e.getCause() instanceof TooLargeException) {
                throw new CatalogException("A cover image can be at most 10 MiB");
            }
            throw new CatalogException("That image could not be read; use a JPEG, PNG or GIF file");
        }
        return encode(scaled(original));
    }

    private static BufferedImage decode(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new CatalogException("A cover must be a JPEG, PNG or GIF image");
        }
        ImageReader reader = readers.next();
        try {
            if (!FORMATS.contains(reader.getFormatName().toLowerCase())) {
                throw new CatalogException("A cover must be a JPEG, PNG or GIF image");
            }
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw new CatalogException("That image has too many pixels; use one of at most 40 megapixels");
            }
            if (width < MIN_SIDE || height < MIN_SIDE) {
                throw new CatalogException("A cover must be at least " + MIN_SIDE + " × " + MIN_SIDE + " pixels");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage scaled(BufferedImage original) {
        int width = original.getWidth();
        int height = original.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * factor));
        int targetHeight = Math.max(1, (int) Math.round(height * factor));
        boolean alpha = original.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(targetWidth, targetHeight,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(original, 0, 0, targetWidth, targetHeight, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (image.getColorModel().hasAlpha()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The type of bytes this class produced, from their signature. */
    public static String contentTypeOf(byte[] head) {
        return head.length >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                ? "image/png" : "image/jpeg";
    }
}
