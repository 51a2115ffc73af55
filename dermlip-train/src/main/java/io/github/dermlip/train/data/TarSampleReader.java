package io.github.dermlip.train.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams one WebDataset tar shard as samples, holding only the sample being assembled in memory.
 *
 * <p>WebDataset's convention: a file's key is its path up to the first dot of its file name, its extension
 * the rest; the files of one sample are adjacent in the tar. An image is the first {@code jpg}, {@code jpeg},
 * {@code png} or {@code webp} file of a key, the caption its {@code txt} file (UTF-8). Files with other
 * extensions, directories and hidden files ({@code .name}) are ignored. A key with an image but no caption,
 * or a caption but no image, comes out as a sample with a {@code null} part, counted as bad by the loader.
 */
final class TarSampleReader implements Closeable {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp");
    private static final String CAPTION_EXTENSION = "txt";
    private static final int READ_BUFFER = 1 << 16;

    private final String shardName;
    private final TarArchiveInputStream tar;
    private String pendingKey;
    private byte[] pendingImage;
    private String pendingCaption;
    private boolean finished;

    TarSampleReader(String shardName, InputStream in) {
        this.shardName = shardName;
        this.tar = new TarArchiveInputStream(new BufferedInputStream(in, READ_BUFFER));
    }

    /** The next complete or incomplete sample of the shard, or {@code null} at its end. */
    Sample next() throws IOException {
        while (!finished) {
            TarArchiveEntry entry = tar.getNextEntry();
            if (entry == null) {
                finished = true;
                return takePending();
            }
            if (!entry.isFile()) {
                continue;
            }
            String name = entry.getName();
            int slash = name.lastIndexOf('/');
            int dot = name.indexOf('.', slash + 1);
            if (dot <= slash + 1) {
                continue;
            }
            String key = name.substring(0, dot);
            String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
            boolean image = IMAGE_EXTENSIONS.contains(extension);
            if (!image && !extension.equals(CAPTION_EXTENSION)) {
                continue;
            }
            Sample done = key.equals(pendingKey) ? null : takePending();
            pendingKey = key;
            if (image && pendingImage == null) {
                pendingImage = readEntry(entry);
            } else if (!image && pendingCaption == null) {
                pendingCaption = new String(readEntry(entry), StandardCharsets.UTF_8);
            }
            if (done != null) {
                return done;
            }
        }
        return null;
    }

    private Sample takePending() {
        if (pendingKey == null) {
            return null;
        }
        byte[] image = pendingImage;
        Sample sample = new Sample(pendingKey, shardName, pendingCaption, image == null ? null : () -> image);
        pendingKey = null;
        pendingImage = null;
        pendingCaption = null;
        return sample;
    }

    private byte[] readEntry(TarArchiveEntry entry) throws IOException {
        long size = entry.getSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("shard " + shardName + ": entry " + entry.getName() + " is too large (" + size + " bytes)");
        }
        byte[] data = tar.readNBytes((int) size);
        if (data.length != size) {
            throw new EOFException("shard " + shardName + " is truncated inside entry " + entry.getName());
        }
        return data;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
