package io.github.dermlip.spark;

import io.github.dermlip.core.image.ImageLimits;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/** Images named by a path column, read through Hadoop's {@link FileSystem} ({@code file:}, {@code hdfs:}, {@code s3a:}). */
final class HadoopImageSource extends ImageSource {
    private static final long serialVersionUID = 1L;

    private final HadoopConf conf;
    private final ImageLimits limits;

    HadoopImageSource(int pathIndex, HadoopConf conf, ImageLimits limits) {
        super(pathIndex);
        this.conf = conf;
        this.limits = limits;
    }

    @Override
    BufferedImage load(Row row) throws RowFailure {
        String name = name(row);
        if (pathIsNull(row)) {
            throw new RowFailure(name, ErrorCause.MISSING, "the image path is null");
        }
        return ImageBytes.decode(read(name), name, limits);
    }

    private byte[] read(String name) throws RowFailure {
        try {
            Path path = new Path(name);
            FileSystem fs = path.getFileSystem(conf.get());
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new RowFailure(name, ErrorCause.MISSING, "no such file");
            }
            if (!status.isFile()) {
                throw new RowFailure(name, ErrorCause.UNREADABLE, "not a file");
            }
            ImageBytes.requireFileBytes(name, status.getLen(), limits);
            byte[] bytes = new byte[(int) status.getLen()];
            try (InputStream in = fs.open(path)) {
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read != bytes.length) {
                    throw new RowFailure(name, ErrorCause.UNREADABLE, "the file ended after " + read + " of "
                            + bytes.length + " bytes");
                }
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw new RowFailure(name, ErrorCause.UNREADABLE, String.valueOf(e.getMessage()));
        }
    }
}
