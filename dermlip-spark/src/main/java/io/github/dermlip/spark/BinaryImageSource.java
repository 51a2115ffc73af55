package io.github.dermlip.spark;

import io.github.dermlip.core.image.ImageLimits;
import java.awt.image.BufferedImage;
import org.apache.spark.sql.Row;

/** Images whose bytes are in the row, as Spark's {@code binaryFile} source gives them ({@code path}, {@code content}). */
final class BinaryImageSource extends ImageSource {
    private static final long serialVersionUID = 1L;

    private final int contentIndex;
    private final ImageLimits limits;

    BinaryImageSource(int pathIndex, int contentIndex, ImageLimits limits) {
        super(pathIndex);
        this.contentIndex = contentIndex;
        this.limits = limits;
    }

    @Override
    BufferedImage load(Row row) throws RowFailure {
        if (row.isNullAt(contentIndex)) {
            throw new RowFailure(name(row), ErrorCause.MISSING, "the content is null");
        }
        return ImageBytes.decode((byte[]) row.get(contentIndex), name(row), limits);
    }
}
