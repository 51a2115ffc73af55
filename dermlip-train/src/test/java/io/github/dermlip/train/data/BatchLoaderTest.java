package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.image.ImageTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchLoaderTest {
    private static final int SIZE = 8;
    private static final NearestResizeTransform AUGMENTING = new NearestResizeTransform(SIZE, true);
    private static final ImageIoDecoder DECODER = new ImageIoDecoder();

    @TempDir
    Path dir;

    @Test
    void batchesAreBitwiseIdenticalWithOneAndThreeWorkers() throws IOException {
        ManifestSource source = goodManifest(40);

        List<Batch> one = epochs(source, options(6, 11).withWorkers(1).withPrefetchBatches(1), 2);
        List<Batch> three = epochs(source, options(6, 11).withWorkers(3).withPrefetchBatches(3), 2);

        assertEquals(12, one.size());
        assertSameBatches(one, three);
        assertNotEquals(one.get(0).keys(), one.get(6).keys(), "epochs are shuffled differently");
    }

    @Test
    void batchesFollowTheEpochPermutationAndThePerSampleSeeds() throws IOException {
        ManifestSource source = goodManifest(20);
        LoaderOptions options = options(4, 5).withWorkers(2);
        int epoch = 3;

        List<Batch> batches = epochs(source, options, epoch + 1).subList(15, 20);

        int[] order = Permutations.shuffled(20, new SplittableRandom(EpochSeeds.permutation(5, epoch)));
        for (int position = 0; position < 20; position++) {
            Batch batch = batches.get(position / 4);
            int slot = position % 4;
            String path = "images/img_" + order[position] + ".png";
            assertEquals(epoch, batch.epoch());
            assertEquals(path, batch.keys().get(slot));
            assertEquals("caption " + order[position], batch.captions().get(slot));
            float[] expected = AUGMENTING.apply(TestImages.drawn(order[position], 12, 10),
                    new SplittableRandom(EpochSeeds.sample(5, epoch, position)));
            assertArrayEquals(expected, slice(batch, slot), "pixels of " + path);
        }
    }

    @Test
    void badSamplesAreSkippedCountedAndTheirSlotsRefilledByTheNextCandidates() throws IOException {
        ManifestSource source = manifestWithBadRows(12, Map.of(1, Bad.MISSING, 3, Bad.EMPTY_CAPTION, 5, Bad.CORRUPT));
        LoaderOptions options = options(4, 0).withShuffle(false);

        List<Batch> batches;
        BadSampleReport report;
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options);
                BatchIterator pass = loader.iterator(0)) {
            batches = drain(pass);
            report = pass.badSampleReport();
        }

        // candidates 0-3 fill slots 0-3; 1 and 3 are bad, so 4 and 5 go to slots 1 and 3; 5 is bad, 6 takes slot 3
        assertEquals(2, batches.size());
        assertEquals(keys(0, 4, 2, 6), batches.get(0).keys());
        assertEquals(new LoaderPosition(0, 1, 7), batches.get(0).next());
        assertEquals(keys(7, 8, 9, 10), batches.get(1).keys());
        float[] expected = AUGMENTING.apply(TestImages.drawn(4, 12, 10), new SplittableRandom(EpochSeeds.sample(0, 0, 4)));
        assertArrayEquals(expected, slice(batches.get(0), 1));
        assertEquals(12, report.samplesSeen());
        assertEquals(3, report.badSamples());
        assertEquals(1L, report.countsByReason().get(BadSampleReason.MISSING_FILE));
        assertEquals(1L, report.countsByReason().get(BadSampleReason.EMPTY_CAPTION));
        assertEquals(1L, report.countsByReason().get(BadSampleReason.UNDECODABLE_IMAGE));
        assertEquals(0L, report.countsByReason().get(BadSampleReason.UNREADABLE_FILE));
        assertEquals(keys(1, 3, 5), report.firstBadSamples().stream().map(BadSample::key).toList());
        assertEquals(List.of(1L, 3L, 5L), report.firstBadSamples().stream().map(BadSample::position).toList());
        assertTrue(report.toText().contains("images/img_1.png [MISSING_FILE]"), report.toText());
    }

    @Test
    void resumingFromABatchIndexOrASavedPositionGivesTheTailOfTheUninterruptedEpoch() throws IOException {
        int epoch = 1;
        int[] order = Permutations.shuffled(30, new SplittableRandom(EpochSeeds.permutation(21, epoch)));
        ManifestSource source = manifestWithBadRows(30, Map.of(order[1], Bad.MISSING, order[6], Bad.CORRUPT,
                order[9], Bad.EMPTY_CAPTION, order[13], Bad.MISSING));
        LoaderOptions options = options(4, 21).withWorkers(2);

        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options)) {
            List<Batch> whole = drain(loader.iterator(epoch));
            assertEquals(6, whole.size());
            for (int k = 1; k < whole.size(); k++) {
                List<Batch> tail = whole.subList(k, whole.size());
                assertSameBatches(tail, drain(loader.iterator(epoch, k)));
                assertSameBatches(tail, drain(loader.iterator(whole.get(k - 1).next())));
            }
            assertEquals(new LoaderPosition(epoch, 4, 20), whole.get(3).next(), "4 bad samples in the first batches");
            assertFalse(loader.iterator(whole.get(5).next()).hasNext());
        }
    }

    @Test
    void passingTheBadSampleLimitStopsThePassWithTheReport() throws IOException {
        Map<Integer, Bad> bad = new HashMap<>();
        for (int i = 0; i < 20; i += 2) {
            bad.put(i, Bad.MISSING);
        }
        ManifestSource source = manifestWithBadRows(20, bad);
        LoaderOptions options = options(2, 0).withShuffle(false).withBadSampleLimit(0.2, 6);

        TooManyBadSamplesException error;
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options);
                BatchIterator pass = loader.iterator(0)) {
            error = assertThrows(TooManyBadSamplesException.class, () -> drain(pass));
            assertThrows(TooManyBadSamplesException.class, pass::hasNext, "the failure stays");
        }

        BadSampleReport report = error.report();
        assertTrue(report.samplesSeen() >= 6, "checked only after the minimum count");
        assertTrue(report.badFraction() > 0.2);
        assertEquals(report.badSamples(), (long) report.countsByReason().get(BadSampleReason.MISSING_FILE));
        assertEquals("images/img_0.png", report.firstBadSamples().get(0).key());
        assertTrue(error.getMessage().contains("images/img_0.png"), error.getMessage());
    }

    @Test
    void aWorkerFailurePropagatesToTheTrainingThreadWithTheSampleKey() throws IOException {
        ManifestSource source = goodManifest(12);
        ImageBytesDecoder failing = (bytes, name) -> {
            if (name.equals("images/img_5.png")) {
                throw new IllegalStateException("decoder bug");
            }
            return DECODER.decode(bytes, name);
        };

        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, failing, options(4, 0).withShuffle(false).withWorkers(3));
                BatchIterator pass = loader.iterator(0)) {
            assertEquals(keys(0, 1, 2, 3), pass.next().keys());
            SampleProcessingException error = assertThrows(SampleProcessingException.class, pass::next);
            assertEquals("images/img_5.png", error.key());
            assertInstanceOf(IllegalStateException.class, error.getCause());
            assertTrue(error.getMessage().contains("images/img_5.png"), error.getMessage());
        }
    }

    @Test
    void aTransformOfTheWrongSizeIsReportedWithTheSampleKey() throws IOException {
        ManifestSource source = goodManifest(4);
        ImageTransform wrong = new ImageTransform() {
            @Override
            public float[] apply(BufferedImage rgb, RandomGenerator rng) {
                return new float[5];
            }

            @Override
            public int outputSize() {
                return SIZE;
            }
        };

        try (BatchLoader loader = new BatchLoader(source, wrong, DECODER, options(4, 0).withShuffle(false));
                BatchIterator pass = loader.iterator(0)) {
            SampleProcessingException error = assertThrows(SampleProcessingException.class, pass::next);
            assertEquals("images/img_0.png", error.key());
            assertTrue(error.getMessage().contains("5 floats"), error.getMessage());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void closeEndsEveryThreadEvenWithATrainingThreadWaiting() throws Exception {
        ManifestSource source = goodManifest(40);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger decodes = new AtomicInteger();
        ImageBytesDecoder blocking = (bytes, name) -> {
            if (decodes.incrementAndGet() > 8) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("stopped");
                }
            }
            return DECODER.decode(bytes, name);
        };
        BatchLoader loader = new BatchLoader(source, AUGMENTING, blocking, options(4, 0).withWorkers(3));
        BatchIterator first = loader.iterator(0);
        // The second pass starts only after the first batch is out: started earlier, its prefetch could take the
        // eight decodes that succeed and leave the first batch waiting forever.
        assertEquals(4, first.next().size());
        BatchIterator second = loader.iterator(1);
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    second.next();
                }
            } catch (RuntimeException e) {
                return e;
            }
        });
        while (loaderThreads().size() < 5) {
            Thread.sleep(5);
        }

        loader.close();

        assertEquals(List.of(), loaderThreads());
        Throwable seen = waiting.get(10, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, seen);
        assertThrows(IllegalStateException.class, first::hasNext);
        assertThrows(IllegalStateException.class, () -> loader.iterator(0));
    }

    @Test
    void finishedPassesReleaseTheirThreadAndCloseIsIdempotent() throws IOException {
        ManifestSource source = goodManifest(8);
        BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options(4, 0).withWorkers(2));
        assertEquals(2, drain(loader.iterator(0)).size());

        loader.close();
        loader.close();

        assertEquals(List.of(), loaderThreads());
    }

    @Test
    void dropLastDecidesWhetherTheFinalPartialBatchIsReturned() throws IOException {
        ManifestSource source = goodManifest(10);

        List<Batch> dropped = epochs(source, options(4, 0).withShuffle(false), 1);
        List<Batch> kept = epochs(source, options(4, 0).withShuffle(false).withDropLast(false), 1);

        assertEquals(2, dropped.size());
        assertEquals(3, kept.size());
        Batch last = kept.get(2);
        assertEquals(keys(8, 9), last.keys());
        assertEquals(2 * 3 * SIZE * SIZE, last.images().length);
        assertArrayEquals(AUGMENTING.apply(TestImages.drawn(9, 12, 10), new SplittableRandom(EpochSeeds.sample(0, 0, 9))),
                slice(last, 1));
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options(4, 0))) {
            assertEquals(2, loader.nominalBatchesPerEpoch().getAsLong());
        }
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options(4, 0).withDropLast(false))) {
            assertEquals(3, loader.nominalBatchesPerEpoch().getAsLong());
        }
    }

    @Test
    void prefetchStopsAfterTheConfiguredNumberOfBatches() throws Exception {
        ManifestSource source = goodManifest(20);
        AtomicInteger decodes = new AtomicInteger();
        ImageBytesDecoder counting = (bytes, name) -> {
            decodes.incrementAndGet();
            return DECODER.decode(bytes, name);
        };

        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, counting,
                options(2, 0).withWorkers(1).withPrefetchBatches(1));
                BatchIterator pass = loader.iterator(0)) {
            pass.next();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (decodes.get() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            // one batch taken, one waiting in the queue, one assembled and blocked on the full queue
            assertEquals(6, decodes.get());
        }
    }

    @Test
    void theBatchImagesArrayHoldsTheFullBatchInChwOrder() throws IOException {
        NearestResizeTransform plain = new NearestResizeTransform(SIZE, false);
        ManifestSource source = goodManifest(4);

        Batch batch;
        try (BatchLoader loader = new BatchLoader(source, plain, DECODER, options(4, 0).withShuffle(false));
                BatchIterator pass = loader.iterator(0)) {
            batch = pass.next();
        }

        assertEquals(4 * 3 * SIZE * SIZE, batch.images().length);
        assertEquals(SIZE, batch.imageSize());
        int pixel = TestImages.drawn(2, 12, 10).getRGB(3 * 12 / SIZE, 5 * 10 / SIZE);
        int green = 2 * 3 * SIZE * SIZE + SIZE * SIZE + 5 * SIZE + 3;
        assertEquals(((pixel >> 8) & 0xFF) / 127.5f - 1f, batch.images()[green]);
    }

    // ---- helpers ----

    private enum Bad { MISSING, CORRUPT, EMPTY_CAPTION }

    private ManifestSource goodManifest(int rows) throws IOException {
        return manifestWithBadRows(rows, Map.of());
    }

    /** Rows {@code images/img_<i>.png} with caption {@code caption <i>}, spoiled as listed. */
    private ManifestSource manifestWithBadRows(int rows, Map<Integer, Bad> bad) throws IOException {
        StringBuilder csv = new StringBuilder("filename,truncated_caption,disease_label\n");
        for (int i = 0; i < rows; i++) {
            Path image = dir.resolve("images/img_" + i + ".png");
            Bad spoil = bad.get(i);
            if (spoil == Bad.CORRUPT) {
                Files.createDirectories(image.getParent());
                Files.write(image, Arrays.copyOf(TestImages.png(i, 12, 10), 40));
            } else if (spoil != Bad.MISSING) {
                TestImages.writePng(image, i, 12, 10);
            }
            String caption = spoil == Bad.EMPTY_CAPTION ? "\"  \"" : "\"caption " + i + "\"";
            csv.append("images/img_").append(i).append(".png,").append(caption).append(",label\n");
        }
        Path manifest = Files.writeString(dir.resolve("manifest.csv"), csv);
        return CsvManifestReader.read(manifest, ManifestOptions.derm1m());
    }

    private static LoaderOptions options(int batchSize, long seed) {
        return LoaderOptions.training(batchSize, seed).withWorkers(2).withBadSampleLimit(0.5, 1000);
    }

    private static List<Batch> epochs(SampleSource source, LoaderOptions options, int epochs) {
        List<Batch> batches = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(source, AUGMENTING, DECODER, options)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                batches.addAll(drain(loader.iterator(epoch)));
            }
        }
        return batches;
    }

    static List<Batch> drain(BatchIterator pass) {
        List<Batch> batches = new ArrayList<>();
        try (pass) {
            while (pass.hasNext()) {
                batches.add(pass.next());
            }
        }
        return batches;
    }

    static void assertSameBatches(List<Batch> expected, List<Batch> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Batch a = expected.get(i);
            Batch b = actual.get(i);
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.index(), b.index());
            assertEquals(a.keys(), b.keys());
            assertEquals(a.captions(), b.captions());
            assertEquals(a.next(), b.next());
            assertTrue(Arrays.equals(a.images(), b.images()), "images of batch " + a.index() + " differ");
        }
    }

    static float[] slice(Batch batch, int slot) {
        int floats = 3 * batch.imageSize() * batch.imageSize();
        return Arrays.copyOfRange(batch.images(), slot * floats, (slot + 1) * floats);
    }

    static List<Thread> loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(BatchLoader.THREAD_NAME_PREFIX) && t.isAlive())
                .toList();
    }

    private static List<String> keys(int... rows) {
        return Arrays.stream(rows).mapToObj(i -> "images/img_" + i + ".png").toList();
    }
}
