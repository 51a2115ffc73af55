package io.github.dermlip.spark;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;

/**
 * Finds the hub directory a {@link SparkModel#reference()} names on this JVM: a path every executor sees, or a
 * file or archive shipped with the job, which Spark puts in the task's working directory or under
 * {@link SparkFiles#getRootDirectory()}.
 */
final class ModelLocator {
    private ModelLocator() {}

    /** The directory, or an error naming every place looked at. */
    static Path locate(String reference) throws FileNotFoundException {
        Path direct = Path.of(reference);
        if (Files.isDirectory(direct)) {
            return direct;
        }
        Path shipped = shippedFile(reference);
        if (shipped != null && Files.isDirectory(shipped)) {
            return shipped;
        }
        throw new FileNotFoundException("model '" + reference + "': no hub directory at " + direct.toAbsolutePath()
                + (shipped == null ? "" : " nor at " + shipped) + "; give a path every executor can read or ship the"
                + " model with --archives model.tgz#" + direct.getFileName());
    }

    private static Path shippedFile(String reference) {
        try {
            return Path.of(SparkFiles.get(reference));
        } catch (RuntimeException e) {
            // No SparkContext in this JVM (a plain unit test): nothing was shipped.
            return null;
        }
    }
}
