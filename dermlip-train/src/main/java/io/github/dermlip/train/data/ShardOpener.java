package io.github.dermlip.train.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Opens a WebDataset shard as a stream of uncompressed tar bytes; {@code Files::newInputStream} for plain files. */
@FunctionalInterface
public interface ShardOpener {

    /** Opens the shard; the caller closes the stream. */
    InputStream open(Path shard) throws IOException;
}
