package io.github.dermlip.spark;

import java.awt.image.BufferedImage;
import org.apache.spark.sql.Row;

/** Images whose bytes are in the row, as Spark's {@code binaryFile} source gives them ({@code path}, {@code content}). */
final class BinaryImageSource implements ImageSource {
    private static final long serialVersionUID = 1L;

    private final int pathIndex;
    private final int contentIndex;
    private final ImageLimits limits;

    BinaryImageSource(int pathIndex, int contentIndex, ImageLimits limits) {
        this.pathIndex = pathIndex;
        this.contentIndex = contentIndex;
        this.limits = limits;
    }

    @Override
    public String name(Row row) {
        return row.isNullAt(pathIndex) ? "(null path)" : row.getString(pathIndex);
    }

    @Override
    public BufferedImage load(Row row) throws RowFailure {
        if (row.isNullAt(contentIndex)) {
            throw new RowFailure(name(row), ErrorCause.MISSING, "the content is null");
        }
        return ImageBytes.decode((byte[]) row.get(contentIndex), name(row), limits);
    }
}
