package io.github.dermlip.spark;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/** Where the image of a row comes from: a path read through Hadoop, or bytes already in the row. */
interface ImageSource extends Serializable {
    /** The name errors give the row's image (its path). */
    String name(Row row);

    /** Reads and decodes the row's image; runs on a decode thread. */
    BufferedImage load(Row row) throws RowFailure;
}
