package io.github.dermlip.core.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The named tensors of a checkpoint file, in the order the file lists them, with the file they came from.
 *
 * <p>{@link #read(Path)} recognises the format by its first bytes: a zip (as written by {@code torch.save},
 * usually {@code .bin}/{@code .pt}/{@code .pth}) goes to {@link TorchCheckpointReader}, anything else that
 * looks like a safetensors header to {@link SafetensorsReader}.
 */
public final class StateDict {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    /** {@code torch.save} before PyTorch 1.6: a bare pickle stream, protocol 2. */
    private static final int PICKLE_PROTO = 0x80;
    private static final int SIMILAR_NAMES_SHOWN = 5;

    private final Path source;
    private final Map<String, TensorData> tensors;
    private final Map<String, String> metadata;

    StateDict(Path source, Map<String, TensorData> tensors, Map<String, String> metadata) {
        this.source = source;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Reads a safetensors file or a {@code torch.save} zip checkpoint, whatever its extension.
     *
     * @throws CheckpointFormatException when the file is neither, or is malformed; the message names the file
     */
    public static StateDict read(Path file) throws IOException {
        return isTorchZip(file) ? TorchCheckpointReader.read(file) : SafetensorsReader.read(file);
    }

    /**
     * The name and shape of every tensor of {@code file}, in file order, from the safetensors header or the
     * checkpoint's pickle alone: no tensor data is read, so checking a checkpoint's keys costs no second read.
     *
     * @throws CheckpointFormatException as {@link #read(Path)}
     */
    public static Map<String, long[]> shapes(Path file) throws IOException {
        return isTorchZip(file) ? TorchCheckpointReader.shapes(file) : SafetensorsReader.shapes(file);
    }

    /** True for a {@code torch.save} zip, false for a safetensors file; fails for anything else. */
    private static boolean isTorchZip(Path file) throws IOException {
        byte[] head = new byte[9];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, n, ZIP_MAGIC) || startsWith(head, n, EMPTY_ZIP_MAGIC)) {
            return true;
        }
        if ((n == head.length && head[8] == '{') || file.getFileName().toString().endsWith(".safetensors")) {
            return false;
        }
        if (n > 0 && (head[0] & 0xFF) == PICKLE_PROTO) {
            throw new CheckpointFormatException(file.toString(), "legacy (pre-1.6, non-zip) torch.save format is not"
                    + " supported; re-save it with a current PyTorch or convert it to safetensors");
        }
        throw new CheckpointFormatException(file.toString(),
                "neither a safetensors file nor a torch.save zip checkpoint (first bytes do not match either)");
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tensor called {@code name}.
     *
     * @throws NoSuchElementException naming the key and the file (and similar keys, e.g. with a {@code module.} prefix)
     */
    public TensorData get(String name) {
        TensorData t = tensors.get(name);
        if (t == null) {
            List<String> similar = tensors.keySet().stream()
                    .filter(k -> k.endsWith("." + name) || name.endsWith("." + k))
                    .limit(SIMILAR_NAMES_SHOWN)
                    .collect(Collectors.toList());
            throw new NoSuchElementException("tensor '" + name + "' not found in " + source + " (" + tensors.size()
                    + " tensors" + (similar.isEmpty() ? "" : "; similar: " + similar) + ")");
        }
        return t;
    }

    /** True when the checkpoint holds a tensor called {@code name}. */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** Tensor names in file order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** Number of tensors. */
    public int size() {
        return tensors.size();
    }

    /** An unmodifiable name-to-tensor view, in file order. */
    public Map<String, TensorData> asMap() {
        return tensors;
    }

    /** Every tensor as an array owned by {@code manager}, in file order. */
    public Map<String, NDArray> toNDArrays(NDManager manager) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> arrays.put(name, tensor.toNDArray(manager)));
        return arrays;
    }

    /** The safetensors {@code __metadata__} map (e.g. {@code format=pt}); empty for torch checkpoints. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The file this state dict was read from. */
    public Path source() {
        return source;
    }

    @Override
    public String toString() {
        return "StateDict[" + source + ", " + tensors.size() + " tensors]";
    }
}
