package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebDatasetSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsShardsNamedByABracePatternInStoredOrderWithoutShuffling() throws IOException {
        List<String> keys = TarShards.writeShards(dir, 3, 4, 8);

        WebDatasetSource source = WebDatasetSource.fromPatterns(
                List.of(dir.resolve("shard-{000000..000002}.tar").toString()), 16);
        List<Sample> samples = read(source, 0, 0, false, 0);

        assertEquals(keys, samples.stream().map(Sample::key).toList());
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(TarShards.caption(i), samples.get(i).caption());
            assertArrayEquals(TestImages.png(i, 8, 8), samples.get(i).image().read());
        }
        assertTrue(samples.get(5).origin().endsWith("shard-000001.tar"), samples.get(5).origin());
    }

    @Test
    void aPatternNamingAMissingShardFails() throws IOException {
        TarShards.writeShards(dir, 2, 1, 4);

        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> WebDatasetSource.fromPatterns(
                List.of(dir.resolve("shard-{000000..000002}.tar").toString()), 4));

        assertTrue(error.getMessage().contains("shard-000002.tar"), error.getMessage());
    }

    @Test
    void theShuffledOrderIsFixedByTheSeedAndEpochAndCoversEverySample() throws IOException {
        List<String> keys = TarShards.writeShards(dir, 3, 10, 4);
        WebDatasetSource source = WebDatasetSource.fromPatterns(List.of(dir + "/shard-{000000..000002}.tar"), 5);

        List<String> epoch0 = keysOf(read(source, 0, 42, true, 0));
        List<String> epoch0Again = keysOf(read(source, 0, 42, true, 0));
        List<String> epoch1 = keysOf(read(source, 1, 42, true, 0));

        assertEquals(epoch0, epoch0Again);
        assertNotEquals(epoch0, epoch1);
        assertNotEquals(keys, epoch0);
        assertEquals(keys, epoch0.stream().sorted().toList());
        assertEquals(keys, epoch1.stream().sorted().toList());
    }

    @Test
    void theShardOrderFollowsTheDocumentedPermutation() throws IOException {
        TarShards.writeShards(dir, 3, 2, 4);
        WebDatasetSource source = WebDatasetSource.fromPatterns(List.of(dir + "/shard-{000000..000002}.tar"), 1);

        int[] order = Permutations.shuffled(3, new java.util.SplittableRandom(EpochSeeds.shardOrder(9, 2)));
        List<String> expected = new ArrayList<>();
        for (int shard : order) {
            expected.add(String.format("s%05d", 2 * shard));
            expected.add(String.format("s%05d", 2 * shard + 1));
        }

        assertEquals(expected, keysOf(read(source, 2, 9, true, 0)));
    }

    @Test
    void startingAtAPositionYieldsTheTailOfTheSameEpoch() throws IOException {
        TarShards.writeShards(dir, 3, 10, 4);
        WebDatasetSource source = WebDatasetSource.fromPatterns(List.of(dir + "/shard-{000000..000002}.tar"), 6);

        List<String> whole = keysOf(read(source, 3, 7, true, 0));

        assertEquals(whole.subList(13, whole.size()), keysOf(read(source, 3, 7, true, 13)));
    }

    @Test
    void readsInConstantMemoryOpeningOneShardAtATime() throws IOException {
        TarShards.writeShards(dir, 3, 30, 24);
        long total = 0;
        for (int i = 0; i < 3; i++) {
            total += Files.size(dir.resolve(String.format("shard-%06d.tar", i)));
        }
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger maxOpen = new AtomicInteger();
        AtomicLong bytesRead = new AtomicLong();
        ShardOpener counting = shard -> {
            opened.incrementAndGet();
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            return new FilterInputStream(Files.newInputStream(shard)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    bytesRead.addAndGet(Math.max(n, 0));
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int c = super.read();
                    bytesRead.addAndGet(c < 0 ? 0 : 1);
                    return c;
                }

                @Override
                public void close() throws IOException {
                    open.decrementAndGet();
                    super.close();
                }
            };
        };
        List<Path> shards = List.of(dir.resolve("shard-000000.tar"), dir.resolve("shard-000001.tar"),
                dir.resolve("shard-000002.tar"));
        WebDatasetSource source = new WebDatasetSource(shards, 4, counting);

        try (SampleStream stream = source.open(0, 1, true, 0)) {
            assertNotNull(stream.next());
            assertEquals(1, opened.get(), "only the first shard is opened for the first sample");
            assertTrue(bytesRead.get() < total / 3, bytesRead.get() + " of " + total + " bytes read for one sample");
            int count = 1;
            while (stream.next() != null) {
                count++;
            }
            assertEquals(90, count);
        }
        assertEquals(3, opened.get());
        assertEquals(1, maxOpen.get(), "shards are read one at a time");
        assertEquals(0, open.get(), "every shard stream is closed");
    }

    @Test
    void groupsFilesByKeyAndReportsIncompleteSamples() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("dir/a.jpg", new byte[] {1});
        files.put("dir/a.txt", utf8("caption a"));
        files.put("dir/a.json", utf8("{}"));
        files.put("b.PNG", new byte[] {2});
        files.put("c.txt", utf8("caption without image"));
        files.put(".hidden.txt", utf8("ignored"));
        files.put("d.seg.webp", new byte[] {3});
        files.put("d.txt", utf8("caption d"));
        TarShards.write(dir.resolve("mixed.tar"), files);

        List<Sample> samples = read(new WebDatasetSource(List.of(dir.resolve("mixed.tar")), 1, Files::newInputStream),
                0, 0, false, 0);

        assertEquals(List.of("dir/a", "b", "c", "d"), keysOf(samples));
        assertEquals("caption a", samples.get(0).caption());
        assertArrayEquals(new byte[] {1}, samples.get(0).image().read());
        assertNull(samples.get(1).caption());
        assertArrayEquals(new byte[] {2}, samples.get(1).image().read());
        assertNull(samples.get(2).image());
        assertEquals("caption d", samples.get(3).caption());
        assertNull(samples.get(3).image(), "d.seg.webp's extension is 'seg.webp', not an image extension");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keysOf(List<Sample> samples) {
        return samples.stream().map(Sample::key).toList();
    }

    private static List<Sample> read(SampleSource source, int epoch, long seed, boolean shuffle, long start)
            throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (SampleStream stream = source.open(epoch, seed, shuffle, start)) {
            for (Sample s = stream.next(); s != null; s = stream.next()) {
                samples.add(s);
            }
        }
        return samples;
    }
}
