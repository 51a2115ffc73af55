package io.github.dermlip.spark;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/** Where the image of a row comes from: a path read through Hadoop, or bytes already in the row. */
abstract class ImageSource implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The index of the path column, which names the image in errors. */
    private final int pathIndex;

    ImageSource(int pathIndex) {
        this.pathIndex = pathIndex;
    }

    /** The name errors give the row's image: its path. */
    final String name(Row row) {
        return row.isNullAt(pathIndex) ? "(null path)" : row.getString(pathIndex);
    }

    /** True when the row has no path. */
    final boolean pathIsNull(Row row) {
        return row.isNullAt(pathIndex);
    }

    /** Reads and decodes the row's image; runs on a decode thread. */
    abstract BufferedImage load(Row row) throws RowFailure;
}
