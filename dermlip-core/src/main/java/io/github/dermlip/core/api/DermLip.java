package io.github.dermlip.core.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.hfclip.HfClipFolder;
import io.github.dermlip.core.engine.TorchThreads;
import io.github.dermlip.core.hub.ModelFiles;
import io.github.dermlip.core.hub.ModelLayout;
import io.github.dermlip.core.hub.ModelReference;
import io.github.dermlip.core.image.EvalTransform;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.image.InferenceTransform;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipHub;
import io.github.dermlip.core.tokenizer.HfTextTokenizer;
import io.github.dermlip.core.tokenizer.ModelTokenizers;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import io.github.dermlip.core.tokenizer.VocabularyException;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CLIP model ready for inference: open_clip config, weights, tokenizer and eval transform together, turning
 * image files, images and captions into embeddings held in Java arrays.
 *
 * <p>{@link #load(Path)} reads an open_clip hub directory ({@code open_clip_config.json} plus
 * {@code open_clip_model.safetensors} or, when that is absent, {@code open_clip_pytorch_model.bin}, as open_clip
 * chooses), or a Hugging Face {@code CLIPModel} folder ({@link HfClipFolder}), told apart by {@link ModelFolder}.
 * {@link #fromModel} wraps a model already in memory, for example one just trained.
 *
 * <p>Embeddings are open_clip's {@code encode_image} / {@code encode_text}; {@code normalize} divides each row by
 * its L2 norm. Work runs in batches of {@link DermLipOptions#batchSize()}; images are decoded and preprocessed on
 * a small pool of threads while the model runs on the calling thread.
 *
 * <p><b>Thread-safety.</b> The encoding methods may be called from several threads at once: each call keeps its
 * arrays in its own child of the model's {@link NDManager}, the weights are only read, and the tokenizer and
 * transform are thread-safe. {@link #close()} must not race with running calls.
 *
 * <p><b>Native memory.</b> Every batch runs in a child manager that is closed as soon as its results are copied
 * to Java arrays, so nothing a call creates outlives it. The weights are freed by {@link #close()} when this
 * object loaded them; with {@link #fromModel} they stay the caller's.
 *
 * <p><b>Gradients.</b> PyTorch records autograd graphs per thread, and DJL switches recording off only on the
 * thread that started the engine. {@link #load} therefore freezes the loaded parameters
 * ({@link ai.djl.nn.Block#freezeParameters(boolean)}), so no graph is built on any thread. {@link #fromModel} leaves
 * the caller's parameters as they are: if they still require gradients, a call on a thread that records them
 * builds a graph that is freed with its batch (results are the same, peak memory is higher); freeze the model
 * first for lean inference.
 */
public final class DermLip implements AutoCloseable {
    private static final String ENGINE = "PyTorch";
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final OpenClipConfig config;
    private final ClipModel model;
    private final TextTokenizer tokenizer;
    private final InferenceTransform transform;
    private final NDManager manager;
    private final int batchSize;
    private final ExecutorService pool;
    private final PreprocessPipeline pipeline;
    private final List<AutoCloseable> owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DermLip(OpenClipConfig config, ClipModel model, TextTokenizer tokenizer, InferenceTransform transform,
            NDManager manager, DermLipOptions options, List<AutoCloseable> owned) {
        TextConfig text = config.model().text();
        if (tokenizer.contextLength() > text.contextLength()) {
            throw new IllegalArgumentException("the tokenizer makes rows of " + tokenizer.contextLength()
                    + " ids but the text tower's context length is " + text.contextLength());
        }
        this.config = config;
        this.model = model;
        this.tokenizer = tokenizer;
        this.transform = transform;
        this.manager = manager;
        this.batchSize = options.batchSize();
        this.pool = Executors.newFixedThreadPool(options.preprocessThreads(), daemonThreads());
        this.pipeline = new PreprocessPipeline(pool);
        this.owned = owned;
    }

    /** {@link #load(String, DermLipOptions)} with {@link DermLipOptions#defaults()}. */
    public static DermLip load(String reference) throws IOException {
        return load(reference, DermLipOptions.defaults());
    }

    /**
     * Loads a model by reference: a local folder, {@code hf-hub:ORG/NAME[@REVISION]} (downloaded into the shared
     * Hugging Face cache when it is not there yet) or a registry name such as {@code DermLIP_ViT-B-16}; see
     * {@link ModelReference}. The reference is resolved once, and its folder loaded as {@link #load(Path,
     * DermLipOptions)} loads it.
     *
     * @throws io.github.dermlip.core.hub.HubException when a hub model cannot be found, downloaded or verified,
     *     or is not in the cache while offline
     */
    public static DermLip load(String reference, DermLipOptions options) throws IOException {
        ModelFiles files = ModelReference.parse(reference).resolve();
        return load(files, ModelFolder.readConfig(files), options);
    }

    /** {@link #load(Path, DermLipOptions)} with {@link DermLipOptions#defaults()}. */
    public static DermLip load(Path hubDir) throws IOException {
        return load(hubDir, DermLipOptions.defaults());
    }

    /**
     * Loads an open_clip hub directory or a Hugging Face {@code CLIPModel} folder ({@link ModelFolder}).
     *
     * <p>A Hugging Face folder brings its own tokenizer files and {@code preprocessor_config.json}, which are used
     * as transformers uses them ({@link HfClipFolder}). For an open_clip folder the tokenizer follows the config:
     * CLIP BPE (vocabulary from {@link DermLipOptions#vocabulary()} or the default location) unless
     * {@code text_cfg.hf_tokenizer_name} is set, in which case that tokenizer's {@code tokenizer.json} (or
     * {@link DermLipOptions#hfTokenizer()}) is read, found as {@link HfTextTokenizer#forModel} says; nothing is
     * downloaded. Every model family of {@link ClipModel} loads.
     *
     * @throws FileNotFoundException when the directory or its weights are missing (naming the directory and the
     *     expected file names)
     * @throws io.github.dermlip.core.config.ConfigException when the config is missing or not supported
     * @throws VocabularyException when the tokenizer's vocabulary is missing or unreadable
     * @throws io.github.dermlip.core.model.CheckpointMismatchException when the weights do not fit the config
     */
    public static DermLip load(Path hubDir, DermLipOptions options) throws IOException {
        if (!Files.isDirectory(hubDir)) {
            throw new FileNotFoundException(hubDir + ": not a directory; expected an open_clip hub directory holding "
                    + OpenClipHub.CONFIG_FILE + " and " + OpenClipHub.SAFETENSORS_FILE + " or " + OpenClipHub.PYTORCH_FILE
                    + ", or a Hugging Face CLIPModel folder holding " + HfClipFolder.CONFIG_FILE);
        }
        // The config is checked before the weights are looked for: a config of another model is the better error.
        OpenClipConfig config = ModelFolder.readConfig(hubDir);
        return load(ModelFolder.files(hubDir), config, options);
    }

    /**
     * Loads a model from its files, found once by {@link ModelFolder#files} or {@link ModelReference#resolve}, and
     * its config as {@link ModelFolder#readConfig} read it.
     */
    private static DermLip load(ModelFiles files, OpenClipConfig folderConfig, DermLipOptions options)
            throws IOException {
        TorchThreads.prepare();
        Path hubDir = files.folder();
        boolean hfClip = files.layout() == ModelLayout.HF_CLIP;
        OpenClipConfig config = folderConfig;
        InferenceTransform transform = hfClip ? HfClipFolder.imageProcessor(hubDir, config.model())
                : new EvalTransform(config.preprocess());
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            TextTokenizer tokenizer = hfClip ? HfClipFolder.tokenizer(hubDir, config.model())
                    : tokenizerFor(hubDir, config.model().text(), options);
            if (tokenizer instanceof AutoCloseable closeable) {
                owned.add(closeable);
            }
            Device device = options.device() != null ? options.device() : defaultDevice();
            NDManager manager = NDManager.newBaseManager(device, ENGINE);
            owned.add(manager);
            ClipModel model = ModelFolder.loadModel(files, config, manager);
            model.freezeParameters(true);
            config = config.withModel(model.config());
            return new DermLip(config, model, tokenizer, transform, manager, options, owned);
        } catch (IOException | RuntimeException | Error e) {
            closeAll(owned, e);
            throw e;
        }
    }

    /**
     * Wraps a model that is already loaded or trained in memory. The model, tokenizer and manager stay the
     * caller's: {@link #close()} only stops the preprocessing threads.
     *
     * @param manager the manager the model's parameters live in; each batch runs in a child of it, on its device
     */
    public static DermLip fromModel(ClipModel model, OpenClipConfig config, TextTokenizer tokenizer, NDManager manager) {
        return fromModel(model, config, tokenizer, manager, DermLipOptions.defaults());
    }

    /**
     * As {@link #fromModel(ClipModel, OpenClipConfig, TextTokenizer, NDManager)}, taking the batch size and the
     * number of preprocessing threads from {@code options} (its vocabulary, device and tokenizer fields are not
     * used).
     */
    public static DermLip fromModel(ClipModel model, OpenClipConfig config, TextTokenizer tokenizer, NDManager manager,
            DermLipOptions options) {
        if (!model.config().equals(config.model())) {
            throw new IllegalArgumentException("the model was built from another model_cfg than the config given");
        }
        return new DermLip(config, model, tokenizer, new EvalTransform(config.preprocess()), manager, options, List.of());
    }

    /** The device the engine offers by default: the first GPU when it sees one, else the CPU. */
    static Device defaultDevice() {
        return Engine.getEngine(ENGINE).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    private static TextTokenizer tokenizerFor(Path hubDir, TextConfig text, DermLipOptions options) {
        if (options.hfTokenizer() != null) {
            return HfTextTokenizer.fromFile(options.hfTokenizer(), text.contextLength());
        }
        return ModelTokenizers.forModel(hubDir, text, options.vocabulary());
    }

    /** The open_clip config (architecture and preprocessing). */
    public OpenClipConfig config() {
        return config;
    }

    /** The model. Its parameters are owned by this object when it was {@link #load loaded}. */
    public ClipModel model() {
        return model;
    }

    /** The tokenizer (thread-safe). */
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The inference preprocessing (thread-safe): open_clip's eval transform from the config's {@code preprocess_cfg},
     * or the {@code CLIPImageProcessor} of a Hugging Face CLIP folder.
     */
    public InferenceTransform transform() {
        return transform;
    }

    /** The device the model runs on. */
    public Device device() {
        return manager.getDevice();
    }

    /** Images or texts per forward pass. */
    public int batchSize() {
        return batchSize;
    }

    /** Width of the joint embedding space. */
    public int embeddingDimension() {
        return config.model().embedDim();
    }

    /** The manager the weights live in; callers may open children of it for their own arrays. */
    public NDManager manager() {
        return manager;
    }

    /** {@link #encodeImages(List, boolean, ProgressListener)} without progress reports. */
    public float[][] encodeImages(List<Path> files, boolean normalize) throws IOException {
        return encodeImages(files, normalize, ProgressListener.NONE);
    }

    /**
     * Embeds image files, one row per file in list order. Files are decoded as Pillow would
     * ({@link ImageDecoder#decode(Path)}) and preprocessed with {@link #transform()} on the preprocessing threads.
     *
     * @throws io.github.dermlip.core.image.ImageDecodeException naming the file when one is not a decodable image
     * @throws IOException when a file cannot be read
     */
    public float[][] encodeImages(List<Path> files, boolean normalize, ProgressListener progress) throws IOException {
        List<Path> list = List.copyOf(files);
        return encodePixels(list.size(), i -> transform.apply(ImageDecoder.decode(list.get(i))), normalize, progress);
    }

    /** {@link #encodeImageList(List, boolean, ProgressListener)} without progress reports. */
    public float[][] encodeImageList(List<BufferedImage> images, boolean normalize) {
        return encodeImageList(images, normalize, ProgressListener.NONE);
    }

    /**
     * Embeds decoded images, one row per image. For exact parity with open_clip give images as
     * {@link ImageDecoder#decode(Path)} returns them (RGBA and palette images keep their type).
     */
    public float[][] encodeImageList(List<BufferedImage> images, boolean normalize, ProgressListener progress) {
        List<BufferedImage> list = List.copyOf(images);
        try {
            return encodePixels(list.size(), i -> transform.apply(list.get(i)), normalize, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #encodeTexts(List, boolean, ProgressListener)} without progress reports. */
    public float[][] encodeTexts(List<String> texts, boolean normalize) {
        return encodeTexts(texts, normalize, ProgressListener.NONE);
    }

    /** Embeds captions, one row per text in list order (an empty text is embedded like any other). */
    public float[][] encodeTexts(List<String> texts, boolean normalize, ProgressListener progress) {
        checkOpen();
        List<String> list = List.copyOf(texts);
        int dim = embeddingDimension();
        float[][] out = new float[list.size()][];
        for (int start = 0; start < list.size(); start += batchSize) {
            int count = Math.min(batchSize, list.size() - start);
            TokenizedBatch batch = tokenizer.encode(list.subList(start, start + count));
            float[] flat;
            try (NDManager step = manager.newSubManager()) {
                NDArray ids = step.create(batch.flatIds(), new Shape(count, batch.contextLength()));
                flat = model.encodeText(ids).toFloatArray();
            }
            copyRows(flat, count, dim, normalize, out, start);
            progress.progress(start + count, list.size());
        }
        return out;
    }

    /** A zero-shot classifier over these class names, each embedded with every template (see {@link ZeroShotClassifier}). */
    public ZeroShotClassifier zeroShotClassifier(List<String> classNames, List<String> templates) {
        return ZeroShotClassifier.create(this, classNames, templates);
    }

    private float[][] encodePixels(int total, PreprocessPipeline.ItemSource source, boolean normalize,
            ProgressListener progress) throws IOException {
        checkOpen();
        int size = transform.outputSize();
        int dim = embeddingDimension();
        float[][] out = new float[total][];
        pipeline.run(total, batchSize, 3 * size * size, source, (start, count, pixels) -> {
            float[] flat;
            try (NDManager step = manager.newSubManager()) {
                NDArray input = step.create(pixels, new Shape(count, 3, size, size));
                flat = model.encodeImage(input).toFloatArray();
            }
            copyRows(flat, count, dim, normalize, out, start);
            progress.progress(start + count, total);
        });
        return out;
    }

    private static void copyRows(float[] flat, int count, int dim, boolean normalize, float[][] out, int start) {
        float[][] rows = Embeddings.rows(flat, count, dim);
        for (int i = 0; i < count; i++) {
            if (normalize) {
                Embeddings.normalizeInPlace(rows[i]);
            }
            out[start + i] = rows[i];
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this DermLip is closed");
        }
    }

    /** Stops the preprocessing threads and, when this object loaded the model, frees its weights and tokenizer. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        pool.shutdownNow();
        closeAll(owned, null);
    }

    private static void closeAll(List<AutoCloseable> resources, Throwable primary) {
        RuntimeException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (failure == null) {
                    failure = new IllegalStateException("closing " + resources.get(i) + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ThreadFactory daemonThreads() {
        int id = POOL_COUNTER.incrementAndGet();
        AtomicInteger threadCounter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "dermlip-preprocess-" + id + "-" + threadCounter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
