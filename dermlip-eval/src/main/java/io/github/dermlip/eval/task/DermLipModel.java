package io.github.dermlip.eval.task;

import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.api.ProgressListener;
import io.github.dermlip.core.hub.ModelFiles;
import io.github.dermlip.core.hub.ModelReference;
import io.github.dermlip.core.provenance.TrainingRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@link EmbeddingModel} backed by the library's inference API ({@link DermLip}): normalized embeddings from
 * {@link DermLip#encodeImages}/{@link DermLip#encodeTexts}, zero-shot probabilities from
 * {@link DermLip#zeroShotClassifier}.
 *
 * <p>Its {@link #id()} is the model folder's name plus a hash of the config file's bytes and of the training
 * run the weights come from ({@link TrainingRun}: params hash, data hash, step) when the folder records one, or
 * else of the weights file's absolute path, size and modification time, so retrained weights get a new
 * feature-cache key.
 */
public final class DermLipModel implements EmbeddingModel {
    private final String name;
    private final String id;
    private final DermLip lip;
    private final ProgressListener progress;
    private final TrainingRun trainingRun;

    private DermLipModel(String name, String id, DermLip lip, ProgressListener progress, TrainingRun trainingRun) {
        this.name = name;
        this.id = id;
        this.lip = lip;
        this.progress = progress;
        this.trainingRun = trainingRun;
    }

    /**
     * Loads the model a reference names (resolved once; see {@link ModelReference}); {@link #close()} frees it.
     *
     * @param name display name, or null for the model folder's name
     * @param progress told how far image and text encoding has got
     */
    public static DermLipModel load(String name, ModelReference reference, DermLipOptions options,
            ProgressListener progress) throws IOException {
        ModelFiles files = reference.resolve();
        String id = identify(files);
        TrainingRun run = TrainingRun.read(files.folder()).orElse(null);
        DermLip lip = DermLip.load(files.folder(), options);
        return new DermLipModel(name != null ? name : directoryName(files.folder()), id, lip, progress, run);
    }

    /** The cache identity of a model's files (see the class comment). */
    public static String identify(ModelFiles files) throws IOException {
        Optional<TrainingRun> run = TrainingRun.read(files.folder());
        String weightsIdentity;
        if (run.isPresent()) {
            weightsIdentity = run.get().toJson().toString();
        } else {
            Path weights = files.weights();
            weightsIdentity = weights.toAbsolutePath().normalize() + "\n" + Files.size(weights) + "\n"
                    + Files.getLastModifiedTime(weights).toMillis();
        }
        String fingerprint = weightsIdentity + "\n" + Files.readString(files.config(), StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return directoryName(files.folder()) + "@" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<TrainingRun> trainingRun() {
        return Optional.ofNullable(trainingRun);
    }

    @Override
    public float[][] encodeImages(List<Path> images) throws IOException {
        return lip.encodeImages(images, true, progress);
    }

    @Override
    public float[][] encodeTexts(List<String> texts) {
        return lip.encodeTexts(texts, true, progress);
    }

    @Override
    public float[][] zeroShotProbabilities(float[][] imageEmbeddings, List<String> classNames, List<String> templates) {
        return lip.zeroShotClassifier(classNames, templates).probabilities(imageEmbeddings);
    }

    /** Frees the model's weights and threads. */
    @Override
    public void close() {
        lip.close();
    }

    private static String directoryName(Path hubDir) {
        Path fileName = hubDir.toAbsolutePath().normalize().getFileName();
        return fileName == null ? "model" : fileName.toString();
    }
}
