package io.github.dermlip.core.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a {@code torch.save} checkpoint (the zip format of PyTorch 1.6 and later) into a {@link StateDict}.
 *
 * <p>The archive holds {@code <archive>/data.pkl}, decoded by the {@link RestrictedUnpickler} (nothing is
 * executed; foreign globals are refused), raw storages {@code <archive>/data/<key>}, and optionally
 * {@code <archive>/byteorder}. When the pickled top-level dict has a {@code state_dict} entry (an open_clip
 * training checkpoint) that dict is returned, otherwise the top-level dict itself; every value must be a
 * tensor. Keys are returned as pickled (a {@code module.} prefix is the caller's business).
 *
 * <p>Zip safety: at most {@link #MAX_ENTRIES} entries; {@code data.pkl} at most {@link #MAX_PICKLE_BYTES}, and
 * inflated to at most {@link #MAX_PICKLE_INFLATION} times the archive's size;
 * each storage entry must declare exactly the bytes its pickled storage needs, may not claim a compression
 * ratio deflate cannot reach, and is read only up to that size (one byte more is an error), so a zip bomb is
 * never inflated beyond what the pickle claims. CRCs are verified, {@code data.pkl}'s included. Only storages of
 * the returned tensors are read. What the pickle may build is bounded by the archive's size ({@link UnpicklerBudget}).
 */
public final class TorchCheckpointReader {
    /** Most zip entries accepted. */
    static final int MAX_ENTRIES = 1_000_000;
    /** Largest {@code data.pkl} accepted. */
    static final int MAX_PICKLE_BYTES = 64 << 20;
    /** Deflate cannot compress better than about 1032:1. */
    static final long MAX_DEFLATE_RATIO = 1032;
    /**
     * {@code torch.save} stores {@code data.pkl} uncompressed; a deflated one may inflate to this many times the
     * archive's size (plus {@link #PICKLE_INFLATION_FLOOR}), far beyond what a pickle compresses, far below a bomb.
     */
    static final long MAX_PICKLE_INFLATION = 64;
    static final long PICKLE_INFLATION_FLOOR = 1 << 20;
    private static final int MAX_BYTEORDER_BYTES = 16;

    private final String source;
    private final ZipFile zip;
    private final String archive;
    private final ByteOrder order;

    private TorchCheckpointReader(String source, ZipFile zip, String archive, ByteOrder order) {
        this.source = source;
        this.zip = zip;
        this.archive = archive;
        this.order = order;
    }

    /** Reads the tensors of a {@code torch.save} zip checkpoint. */
    public static StateDict read(Path file) throws IOException {
        return open(file, (reader, refs) -> new StateDict(file, reader.materialize(refs), Map.of()));
    }

    /** The name and shape of every tensor, from the pickle alone (no storage is read). */
    public static Map<String, long[]> shapes(Path file) throws IOException {
        return open(file, (reader, refs) -> {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            refs.forEach((name, ref) -> shapes.put(name, ref.size().clone()));
            return shapes;
        });
    }

    /** What is done with the tensors a checkpoint's pickle names. */
    @FunctionalInterface
    private interface TensorsAction<T> {
        T apply(TorchCheckpointReader reader, Map<String, TorchTensorRef> refs) throws IOException;
    }

    /** Opens the zip, unpickles {@code data.pkl} within its budget and hands its tensors to {@code action}. */
    private static <T> T open(Path file, TensorsAction<T> action) throws IOException {
        String source = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new CheckpointFormatException(source, "zip holds " + zip.size() + " entries, more than the limit of "
                        + MAX_ENTRIES);
            }
            String archive = findArchive(source, zip);
            ByteOrder order = byteOrder(source, zip, archive);
            TorchCheckpointReader reader = new TorchCheckpointReader(source, zip, archive, order);
            long archiveBytes = Files.size(file);
            byte[] pickle = reader.readPickle(archiveBytes);
            UnpicklerBudget budget = UnpicklerBudget.forArchive(archiveBytes);
            Map<String, TorchTensorRef> refs = reader.selectTensors(RestrictedUnpickler.load(source, pickle, budget));
            return action.apply(reader, refs);
        } catch (CheckpointFormatException | FileSystemException | FileNotFoundException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointFormatException(source, "malformed zip archive: " + e, e);
        }
    }

    /** The folder holding {@code data.pkl}: exactly one top-level {@code <archive>/data.pkl} must exist. */
    private static String findArchive(String source, ZipFile zip) throws CheckpointFormatException {
        List<String> found = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.indexOf('/', slash + 1) < 0 && name.endsWith("/data.pkl")) {
                found.add(name.substring(0, slash + 1));
            }
        }
        if (found.size() != 1) {
            throw new CheckpointFormatException(source, found.isEmpty()
                    ? "zip has no <archive>/data.pkl entry: not a torch.save checkpoint"
                    : "zip has " + found.size() + " <archive>/data.pkl entries " + found + "; expected one");
        }
        return found.get(0);
    }

    /** The {@code byteorder} entry ("little" or "big"); absent means little-endian (files before PyTorch 1.10). */
    private static ByteOrder byteOrder(String source, ZipFile zip, String archive) throws IOException {
        ZipEntry entry = zip.getEntry(archive + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_BYTEORDER_BYTES + 1);
        }
        String value = new String(bytes, StandardCharsets.US_ASCII).trim();
        switch (value) {
            case "little": return ByteOrder.LITTLE_ENDIAN;
            case "big": return ByteOrder.BIG_ENDIAN;
            default:
                throw new CheckpointFormatException(source, archive + "byteorder holds '"
                        + (bytes.length > MAX_BYTEORDER_BYTES ? "(too long)" : value) + "', expected 'little' or 'big'");
        }
    }

    private byte[] readPickle(long archiveBytes) throws IOException {
        String name = archive + "data.pkl";
        ZipEntry entry = zip.getEntry(name);
        int limit = (int) Math.min(MAX_PICKLE_BYTES, archiveBytes * MAX_PICKLE_INFLATION + PICKLE_INFLATION_FLOOR);
        if (entry.getSize() > limit) {
            throw new CheckpointFormatException(source, name + " declares " + entry.getSize()
                    + " bytes, more than the limit of " + limit + " for an archive of " + archiveBytes + " bytes");
        }
        CRC32 crc = new CRC32();
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new CheckpointFormatException(source, name + " inflates to more than the limit of " + limit
                        + " bytes for an archive of " + archiveBytes + " bytes (a zip bomb?)");
            }
            requireCrc(entry, crc, name);
            return bytes;
        }
    }

    /** A flipped bit in a stored entry would otherwise go unnoticed: only deflate checks nothing for stored data. */
    private void requireCrc(ZipEntry entry, CRC32 crc, String what) throws CheckpointFormatException {
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new CheckpointFormatException(source, what + ": CRC-32 " + Long.toHexString(crc.getValue())
                    + " does not match the zip's " + Long.toHexString(entry.getCrc()) + " (corrupt file)");
        }
    }

    /** The tensors of the top-level dict, or of its {@code state_dict} entry when it has one. */
    private Map<String, TorchTensorRef> selectTensors(Object root) throws CheckpointFormatException {
        if (!(root instanceof Map)) {
            throw new CheckpointFormatException(source, "data.pkl holds a " + RestrictedUnpickler.typeName(root)
                    + ", not a dict of tensors");
        }
        Map<?, ?> dict = (Map<?, ?>) root;
        String where = "top-level dict";
        if (dict.get("state_dict") instanceof Map) {
            dict = (Map<?, ?>) dict.get("state_dict");
            where = "'state_dict'";
        }
        Map<String, TorchTensorRef> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new CheckpointFormatException(source, where + " has a key of type "
                        + RestrictedUnpickler.typeName(e.getKey()) + "; tensor names must be strings");
            }
            if (!(e.getValue() instanceof TorchTensorRef)) {
                throw new CheckpointFormatException(source, where + " entry '" + e.getKey() + "' is a "
                        + RestrictedUnpickler.typeName(e.getValue()) + ", not a tensor");
            }
            tensors.put((String) e.getKey(), (TorchTensorRef) e.getValue());
        }
        return tensors;
    }

    /** Reads each needed storage once, cuts the tensors out of it, and drops it when its last tensor is done. */
    private Map<String, TensorData> materialize(Map<String, TorchTensorRef> refs) throws IOException {
        Map<String, Integer> uses = new HashMap<>();
        for (Map.Entry<String, TorchTensorRef> e : refs.entrySet()) {
            TorchStorageRef s = e.getValue().storage();
            Limits.requireArrayLength(source, "storage '" + s.key() + "' (tensor '" + e.getKey() + "')", s.numel());
            uses.merge(s.key(), 1, Integer::sum);
        }
        Limits.requireHeap(source, refs.size() + " tensor(s)", peakHeap(refs.values(), uses));

        ElementReader reader = new ElementReader(source, order);
        Map<String, Object> decodedStorages = new HashMap<>();
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<String, TorchTensorRef> e : refs.entrySet()) {
            TorchTensorRef t = e.getValue();
            TorchStorageRef s = t.storage();
            Object storage = decodedStorages.get(s.key());
            if (storage == null) {
                storage = readStorage(reader, s, e.getKey());
                decodedStorages.put(s.key(), storage);
            }
            if (uses.merge(s.key(), -1, Integer::sum) == 0) {
                decodedStorages.remove(s.key());
            }
            out.put(e.getKey(), cut(storage, t, uses.get(s.key()) == 0));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Heap the decoded tensors need, plus the largest storage that is decoded only to be cut from (a storage
     * read for one tensor that covers it whole becomes that tensor's array and costs nothing extra).
     */
    private static long peakHeap(Iterable<TorchTensorRef> tensors, Map<String, Integer> uses) {
        long total = 0;
        long largestTransient = 0;
        for (TorchTensorRef t : tensors) {
            TorchStorageRef s = t.storage();
            total += Limits.decodedBytes(s.dtype(), t.numel());
            if (uses.get(s.key()) > 1 || !t.coversWholeStorage()) {
                largestTransient = Math.max(largestTransient, Limits.decodedBytes(s.dtype(), s.numel()));
            }
        }
        return total + largestTransient;
    }

    /** The tensor's values; the storage array itself when the view is all of it and no later tensor needs it. */
    private static TensorData cut(Object storage, TorchTensorRef t, boolean lastUse) {
        DType dtype = t.storage().dtype();
        boolean reuse = lastUse && t.coversWholeStorage();
        if (storage instanceof float[]) {
            float[] values = reuse ? (float[]) storage : StridedCopy.gather((float[]) storage, t);
            return TensorData.wrapFloats(dtype, t.size(), values);
        }
        long[] values = reuse ? (long[]) storage : StridedCopy.gather((long[]) storage, t);
        return TensorData.wrapLongs(dtype, t.size(), values);
    }

    /** Decodes {@code <archive>/data/<key>}, reading no more than the pickle says the storage holds. */
    private Object readStorage(ElementReader reader, TorchStorageRef s, String tensor) throws IOException {
        String name = archive + "data/" + s.key();
        String what = "storage " + name + " (tensor '" + tensor + "')";
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CheckpointFormatException(source, what + " is missing from the zip");
        }
        long expected = s.byteSize();
        if (entry.getSize() != -1 && entry.getSize() != expected) {
            throw new CheckpointFormatException(source, what + ": zip entry declares " + entry.getSize()
                    + " bytes but the pickle's " + s.dtype() + "[" + s.numel() + "] storage needs " + expected);
        }
        if (entry.getMethod() == ZipEntry.DEFLATED && entry.getCompressedSize() >= 0
                && expected / MAX_DEFLATE_RATIO > entry.getCompressedSize() + 1) {
            throw new CheckpointFormatException(source, what + ": " + entry.getCompressedSize()
                    + " compressed bytes cannot inflate to " + expected + " (zip bomb?)");
        }
        int count = (int) s.numel();
        CRC32 crc = new CRC32();
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            Object values = s.dtype().isFloating()
                    ? reader.readFloats(Channels.newChannel(in), s.dtype(), count, what)
                    : reader.readLongs(Channels.newChannel(in), s.dtype(), count, what);
            if (in.read() >= 0) {
                throw new CheckpointFormatException(source, what + ": zip entry inflates to more than the "
                        + expected + " bytes the pickle claims (zip bomb or corrupt entry); stopped reading");
            }
            requireCrc(entry, crc, what);
            return values;
        }
    }
}
