package io.github.dermlip.train.data;

import static io.github.dermlip.train.data.BatchLoaderTest.assertSameBatches;
import static io.github.dermlip.train.data.BatchLoaderTest.drain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebDatasetLoaderTest {
    private static final NearestResizeTransform AUGMENTING = new NearestResizeTransform(6, true);
    private static final ImageIoDecoder DECODER = new ImageIoDecoder();

    @TempDir
    Path dir;
    private WebDatasetSource source;

    /** Three shards of ten good samples each, plus an image without caption in shard 1 and a corrupt image in shard 2. */
    @BeforeEach
    void writeShards() throws IOException {
        for (int shard = 0; shard < 3; shard++) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                int index = shard * 10 + i;
                files.put(String.format("s%05d.png", index), TestImages.png(index, 9, 7));
                files.put(String.format("s%05d.txt", index), TarShards.caption(index).getBytes(StandardCharsets.UTF_8));
                if (shard == 1 && i == 4) {
                    files.put("orphan.png", TestImages.png(99, 9, 7));
                }
                if (shard == 2 && i == 2) {
                    files.put("broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
                    files.put("broken.txt", "a caption".getBytes(StandardCharsets.UTF_8));
                }
            }
            TarShards.write(dir.resolve("train-" + shard + ".tar"), files);
        }
        source = WebDatasetSource.fromPatterns(List.of(dir + "/train-{0..2}.tar"), 5);
    }

    @Test
    void batchesDoNotDependOnTheWorkerCount() {
        List<Batch> one = epochs(LoaderOptions.training(4, 3).withWorkers(1), 2);
        List<Batch> three = epochs(LoaderOptions.training(4, 3).withWorkers(3).withPrefetchBatches(1), 2);

        assertEquals(14, one.size());
        assertSameBatches(one, three);
        assertNotEquals(one.get(0).keys(), one.get(7).keys());
    }

    @Test
    void badSamplesAreCountedAndEveryGoodSampleAppearsOnceWithItsCaption() {
        List<Batch> batches;
        BadSampleReport report;
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER,
                LoaderOptions.training(4, 3).withWorkers(2).withDropLast(false));
                BatchIterator pass = loader.iterator(0)) {
            batches = drain(pass);
            report = pass.badSampleReport();
        }

        List<String> keys = new ArrayList<>();
        for (Batch batch : batches) {
            for (int slot = 0; slot < batch.size(); slot++) {
                String key = batch.keys().get(slot);
                int index = Integer.parseInt(key.substring(1));
                assertEquals(TarShards.caption(index), batch.captions().get(slot));
                keys.add(key);
            }
        }
        assertEquals(30, keys.size());
        assertEquals(30, new HashSet<>(keys).size());
        assertEquals(32, report.samplesSeen());
        assertEquals(1L, report.countsByReason().get(BadSampleReason.INCOMPLETE_SAMPLE));
        assertEquals(1L, report.countsByReason().get(BadSampleReason.UNDECODABLE_IMAGE));
        assertEquals(List.of("broken", "orphan"),
                report.firstBadSamples().stream().map(BadSample::key).sorted().toList());
    }

    @Test
    void theFirstBatchHoldsTheFirstCandidatesOfTheStreamWithTheirPositionSeeds() throws IOException {
        List<Sample> stream = new ArrayList<>();
        try (SampleStream candidates = source.open(0, 3, true, 0)) {
            for (int i = 0; i < 4; i++) {
                stream.add(candidates.next());
            }
        }
        Batch first;
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, LoaderOptions.training(4, 3));
                BatchIterator pass = loader.iterator(0)) {
            first = pass.next();
        }

        for (int position = 0; position < 4; position++) {
            String key = stream.get(position).key();
            if (key.equals("orphan") || key.equals("broken")) {
                continue;
            }
            int slot = first.keys().indexOf(key);
            assertEquals(position, slot, "a good candidate keeps its slot");
            float[] expected = AUGMENTING.apply(TestImages.drawn(Integer.parseInt(key.substring(1)), 9, 7),
                    new SplittableRandom(EpochSeeds.sample(3, 0, position)));
            assertArrayEquals(expected, BatchLoaderTest.slice(first, slot));
        }
    }

    @Test
    void resumingGivesTheTailOfTheUninterruptedEpoch() {
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER,
                LoaderOptions.training(4, 8).withWorkers(2))) {
            List<Batch> whole = drain(loader.iterator(2));
            assertEquals(7, whole.size());
            for (int k = 1; k < whole.size(); k++) {
                List<Batch> tail = whole.subList(k, whole.size());
                assertSameBatches(tail, drain(loader.iterator(whole.get(k - 1).next())));
                assertSameBatches(tail, drain(loader.iterator(2, k)));
            }
        }
    }

    private List<Batch> epochs(LoaderOptions options, int epochs) {
        List<Batch> batches = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                batches.addAll(drain(loader.iterator(epoch)));
            }
        }
        return batches;
    }
}
