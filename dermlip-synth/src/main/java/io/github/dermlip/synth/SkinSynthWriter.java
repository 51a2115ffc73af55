package io.github.dermlip.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.table.CsvTableWriter;
import io.github.dermlip.synth.lesion.Concept;
import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.SkinSample;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a complete SkinSynth dataset folder: PNG images, {@code pretrain.csv} (Derm1M layout), the labelled
 * {@code eval_train/val/test.csv}, {@code retrieval.csv}, {@code concepts.csv} (SkinCon layout),
 * {@code concept_terms.json}, {@code classes.txt} and {@code dataset.json}. Rendering and PNG encoding run on
 * {@link SkinSynthOptions#threads()} threads; every file is byte-identical for the same options whatever the thread
 * count.
 */
public final class SkinSynthWriter {

    /** Version of the generator; bump it whenever the output for a given seed changes. */
    public static final String VERSION = "1.0.0";

    private static final int CHUNK = 32;

    private final SkinSynthOptions options;

    /** A writer for these options. */
    public SkinSynthWriter(SkinSynthOptions options) {
        this.options = options;
    }

    /**
     * Generates the dataset into {@code root}, which must not exist or be an empty folder.
     *
     * @throws IllegalArgumentException if {@code root} is a file or a non-empty folder
     * @throws IOException if a file cannot be written
     */
    public SkinSynthResult write(Path root) throws IOException {
        prepareRoot(root);
        SkinSynthGenerator generator = new SkinSynthGenerator(options.seed(), options.imageSize());
        Map<DatasetSplit, List<GeneratedSample>> samples = new EnumMap<>(DatasetSplit.class);
        for (DatasetSplit split : DatasetSplit.values()) {
            Files.createDirectories(root.resolve("images").resolve(split.label()));
            samples.put(split, new ArrayList<>(options.count(split)));
        }
        renderAll(generator, root, samples);
        writePretrain(root, samples.get(DatasetSplit.PRETRAIN));
        for (DatasetSplit split : List.of(DatasetSplit.EVAL_TRAIN, DatasetSplit.EVAL_VAL, DatasetSplit.EVAL_TEST)) {
            writeEval(root.resolve(DatasetLayout.evalCsv(split)), samples.get(split));
        }
        writeRetrieval(root, samples.get(DatasetSplit.RETRIEVAL));
        writeConcepts(root, samples.get(DatasetSplit.EVAL_TEST));
        writeConceptTerms(root);
        List<String> classes = Arrays.stream(Diagnosis.values()).map(Diagnosis::label).collect(Collectors.toList());
        Files.writeString(root.resolve(DatasetLayout.CLASSES_TXT), String.join("\n", classes) + "\n",
                StandardCharsets.UTF_8);
        ObjectNode description = DatasetDescription.build(options, samples);
        jsonMapper().writeValue(root.resolve(DatasetLayout.DATASET_JSON).toFile(), description);
        int images = samples.values().stream().mapToInt(List::size).sum();
        return new SkinSynthResult(root, images, classes);
    }

    private static void prepareRoot(Path root) throws IOException {
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("SkinSynth output " + root + " exists and is not a folder");
            }
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("SkinSynth output folder " + root + " is not empty");
                }
            }
        }
        Files.createDirectories(root);
    }

    /** Describes, renders and saves every sample in parallel chunks, keeping each split in index order. */
    private void renderAll(SkinSynthGenerator generator, Path root, Map<DatasetSplit, List<GeneratedSample>> samples)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
            Thread thread = new Thread(runnable, "skinsynth-render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<GeneratedSample>>> chunks = new ArrayList<>();
            List<DatasetSplit> chunkSplits = new ArrayList<>();
            for (DatasetSplit split : DatasetSplit.values()) {
                int count = options.count(split);
                for (int start = 0; start < count; start += CHUNK) {
                    int from = start;
                    int to = Math.min(count, start + CHUNK);
                    chunks.add(pool.submit(() -> renderChunk(generator, root, split, from, to)));
                    chunkSplits.add(split);
                }
            }
            for (int i = 0; i < chunks.size(); i++) {
                samples.get(chunkSplits.get(i)).addAll(await(chunks.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<GeneratedSample> renderChunk(SkinSynthGenerator generator, Path root, DatasetSplit split,
                                                     int from, int to) {
        List<GeneratedSample> out = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            GeneratedSample sample = generator.describe(split, index);
            BufferedImage image = generator.render(sample);
            Path file = root.resolve(sample.imagePath());
            try {
                Files.write(file, PngEncoder.encode(image));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            out.add(sample);
        }
        return out;
    }

    private static List<GeneratedSample> await(Future<List<GeneratedSample>> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating SkinSynth images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("SkinSynth generation failed", cause);
        }
    }

    private static void writePretrain(Path root, List<GeneratedSample> samples) throws IOException {
        List<String> columns = List.of(DatasetLayout.FILENAME, DatasetLayout.TRUNCATED_CAPTION,
                DatasetLayout.DISEASE_LABEL, DatasetLayout.SKIN_CONCEPT, DatasetLayout.SKIN_TONE, DatasetLayout.SPLIT,
                DatasetLayout.MODALITY, DatasetLayout.CAPTION_STYLE, DatasetLayout.DISEASE_CATEGORY,
                DatasetLayout.MALIGNANCY);
        List<List<String>> rows = new ArrayList<>();
        for (GeneratedSample s : samples) {
            SkinSample sample = s.sample();
            rows.add(List.of(s.imagePath(), s.caption().text(), sample.diagnosis().label(), conceptList(sample),
                    sample.tone().label(), s.split().role(), sample.modality().adjective(), s.caption().style().label(),
                    sample.diagnosis().category().adjective(), sample.diagnosis().malignancy().adjective()));
        }
        CsvTableWriter.write(root.resolve(DatasetLayout.PRETRAIN_CSV), columns, rows);
    }

    private static void writeEval(Path file, List<GeneratedSample> samples) throws IOException {
        List<String> columns = List.of(DatasetLayout.IMAGE_PATH, DatasetLayout.LABEL, DatasetLayout.SPLIT,
                DatasetLayout.SKIN_TONE, DatasetLayout.MODALITY);
        List<List<String>> rows = new ArrayList<>();
        for (GeneratedSample s : samples) {
            rows.add(List.of(s.imagePath(), s.sample().diagnosis().label(), s.split().role(),
                    s.sample().tone().label(), s.sample().modality().adjective()));
        }
        CsvTableWriter.write(file, columns, rows);
    }

    private static void writeRetrieval(Path root, List<GeneratedSample> samples) throws IOException {
        List<String> columns = List.of(DatasetLayout.IMAGE_PATH, DatasetLayout.CAPTION, DatasetLayout.LABEL,
                DatasetLayout.SKIN_TONE, DatasetLayout.MODALITY);
        List<List<String>> rows = new ArrayList<>();
        for (GeneratedSample s : samples) {
            rows.add(List.of(s.imagePath(), s.caption().text(), s.sample().diagnosis().label(),
                    s.sample().tone().label(), s.sample().modality().adjective()));
        }
        CsvTableWriter.write(root.resolve(DatasetLayout.RETRIEVAL_CSV), columns, rows);
    }

    private static void writeConcepts(Path root, List<GeneratedSample> samples) throws IOException {
        List<String> columns = new ArrayList<>();
        columns.add(DatasetLayout.IMAGE_ID);
        for (Concept c : Concept.values()) {
            columns.add(c.columnName());
        }
        columns.add(DatasetLayout.DO_NOT_CONSIDER);
        List<List<String>> rows = new ArrayList<>();
        for (GeneratedSample s : samples) {
            String[] row = new String[columns.size()];
            row[0] = s.imagePath();
            for (Concept c : Concept.values()) {
                row[c.ordinal() + 1] = c.isPresentIn(s.sample().attributes()) ? "1" : "0";
            }
            row[columns.size() - 1] = "0";
            rows.add(List.of(row));
        }
        CsvTableWriter.write(root.resolve(DatasetLayout.CONCEPTS_CSV), columns, rows);
    }

    private static void writeConceptTerms(Path root) throws IOException {
        ObjectNode terms = jsonMapper().createObjectNode();
        for (Concept c : Concept.values()) {
            c.terms().forEach(terms.putArray(c.columnName())::add);
        }
        jsonMapper().writeValue(root.resolve(DatasetLayout.CONCEPT_TERMS_JSON).toFile(), terms);
    }

    private static String conceptList(SkinSample sample) {
        return sample.attributes().concepts().stream().map(Concept::columnName).collect(Collectors.joining(", "));
    }

    private static ObjectMapper jsonMapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
