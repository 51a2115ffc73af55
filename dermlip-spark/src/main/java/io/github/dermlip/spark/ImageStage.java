package io.github.dermlip.spark;

import io.github.dermlip.core.api.DermLip;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;

/**
 * Image batches: {@link #start} reads and decodes every image on the task's decode threads; {@link #finish} embeds
 * the ones that decoded with core's {@link DermLip#encodeImageList} (which preprocesses on the model's own pool)
 * and gives the others their error.
 */
final class ImageStage implements BatchStage<ImageStage.Started> {
    /** A batch whose images are being decoded. */
    record Started(List<Row> rows, List<Future<BufferedImage>> images) {}

    private final DermLip model;
    private final ImageSource source;
    private final boolean normalize;
    private final ExecutorService decoders;

    ImageStage(DermLip model, ImageSource source, boolean normalize, ExecutorService decoders) {
        this.model = model;
        this.source = source;
        this.normalize = normalize;
        this.decoders = decoders;
    }

    @Override
    public Started start(List<Row> batch) {
        List<Future<BufferedImage>> images = new ArrayList<>(batch.size());
        for (Row row : batch) {
            images.add(decoders.submit(() -> source.load(row)));
        }
        return new Started(batch, images);
    }

    @Override
    public List<Row> finish(Started started) {
        int n = started.rows().size();
        List<BufferedImage> decoded = new ArrayList<>(n);
        RowFailure[] failures = new RowFailure[n];
        for (int i = 0; i < n; i++) {
            try {
                decoded.add(started.images().get(i).get());
            } catch (ExecutionException e) {
                failures[i] = asRowFailure(source.name(started.rows().get(i)), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while decoding images", e);
            }
        }
        float[][] embeddings = model.encodeImageList(decoded, normalize);
        List<Row> out = new ArrayList<>(n);
        int next = 0;
        for (int i = 0; i < n; i++) {
            Row row = started.rows().get(i);
            out.add(failures[i] == null ? Rows.append(row, Rows.seq(embeddings[next++]), null, null)
                    : Rows.append(row, null, failures[i].getMessage(), failures[i].errorCause().name()));
        }
        return out;
    }

    /** A row failure as thrown, or an unexpected decoder crash (say, an ImageIO plugin's error) as a corrupt image. */
    private static RowFailure asRowFailure(String name, Throwable cause) {
        if (cause instanceof RowFailure failure) {
            return failure;
        }
        if (cause instanceof Error error && !(cause instanceof OutOfMemoryError || cause instanceof LinkageError)) {
            return new RowFailure(name, ErrorCause.CORRUPT, error.toString());
        }
        if (cause instanceof RuntimeException) {
            return new RowFailure(name, ErrorCause.CORRUPT, cause.toString());
        }
        throw new IllegalStateException("decoding " + name + " failed", cause);
    }
}
