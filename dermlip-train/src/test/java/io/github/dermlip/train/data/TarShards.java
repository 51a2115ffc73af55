package io.github.dermlip.train.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small WebDataset shards for the tests. */
final class TarShards {
    private TarShards() {}

    /** Writes the files, in order, into a tar. */
    static void write(Path tar, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(tar);
                TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
            archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                archive.putArchiveEntry(entry);
                archive.write(file.getValue());
                archive.closeArchiveEntry();
            }
        }
    }

    /**
     * Writes {@code shards} shards {@code dir/shard-000000.tar...}, each with {@code perShard} complete samples
     * keyed {@code s<global index>} (a {@code png} of that index, {@code side} pixels, and a {@code txt}
     * caption {@code "caption <index>"}); returns the keys in stored order.
     */
    static List<String> writeShards(Path dir, int shards, int perShard, int side) throws IOException {
        List<String> keys = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < perShard; i++) {
                int index = shard * perShard + i;
                String key = String.format("s%05d", index);
                files.put(key + ".png", TestImages.png(index, side, side));
                files.put(key + ".txt", caption(index).getBytes(StandardCharsets.UTF_8));
                keys.add(key);
            }
            write(dir.resolve(String.format("shard-%06d.tar", shard)), files);
        }
        return keys;
    }

    /** The caption {@link #writeShards} stores for sample {@code index}. */
    static String caption(int index) {
        return "caption " + index;
    }
}
