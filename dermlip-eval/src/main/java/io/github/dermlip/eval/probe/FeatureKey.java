package io.github.dermlip.eval.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies one set of cached features: which model encoded which files of which data set.
 *
 * @param modelId model name or checkpoint identifier
 * @param datasetId data set (and split) name
 * @param fileListHash {@link #hashFileList(List)} of the encoded files, in encoding order
 */
public record FeatureKey(String modelId, String datasetId, String fileListHash) {

    /** Rejects blank parts. */
    public FeatureKey {
        requireText(modelId, "modelId");
        requireText(datasetId, "datasetId");
        requireText(fileListHash, "fileListHash");
    }

    /** Key for the given files, hashing their list. */
    public static FeatureKey of(String modelId, String datasetId, List<String> files) {
        return new FeatureKey(modelId, datasetId, hashFileList(files));
    }

    /** Lower-case hex SHA-256 of the file names joined by newlines, so any change of files or order changes it. */
    public static String hashFileList(List<String> files) {
        return sha256(String.join("\n", files));
    }

    /** Lower-case hex SHA-256 of a UTF-8 string. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("feature key part '" + name + "' must not be blank");
        }
    }
}
