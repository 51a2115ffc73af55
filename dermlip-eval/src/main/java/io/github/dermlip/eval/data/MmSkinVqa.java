package io.github.dermlip.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads VQA test files in MM-Skin's layout: {@code Dataframe/test/vqa/*.csv} with columns {@code image,question,answer}
 * (the release's {@code MM-Skin_test.csv}), or the same records as a JSON array of objects. An optional
 * {@code modality} column or key names each image's modality; the release's own file has none, so its questions
 * form one group. Relative image paths resolve as {@link MmSkinRelease#imageRoot} says.
 *
 * <p>Given the unpacked release folder, every CSV and JSON file of {@code Dataframe/test/vqa/} is read, in name
 * order; given a file, that file.
 */
public final class MmSkinVqa {
    /** Image column or key. */
    public static final String IMAGE = "image";
    /** Question column or key. */
    public static final String QUESTION = "question";
    /** Answer column or key. */
    public static final String ANSWER = "answer";
    /** Optional modality column or key. */
    public static final String MODALITY = "modality";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MmSkinVqa() {}

    /**
     * Loads the questions.
     *
     * @param fileOrRelease a VQA CSV or JSON file, or the unpacked release folder
     * @throws DatasetException naming the file and the row or record of a missing value or image
     */
    public static VqaDataset load(Path fileOrRelease, LoadOptions options) {
        List<Path> files;
        String name;
        if (Files.isDirectory(fileOrRelease)) {
            files = MmSkinRelease.files(fileOrRelease.resolve(MmSkinRelease.VQA), List.of(".csv", ".json"));
            if (files.isEmpty()) {
                throw new DatasetException("MM-Skin VQA: no CSV or JSON file in "
                        + fileOrRelease.resolve(MmSkinRelease.VQA));
            }
            name = "mmskin-vqa";
        } else {
            files = List.of(fileOrRelease);
            name = "mmskin-vqa-" + fileOrRelease.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        }
        List<VqaItem> items = new ArrayList<>();
        for (Path file : files) {
            ImageLocator images = ImageLocator.exact(MmSkinRelease.imageRoot(file, options));
            ImageCheck check = new ImageCheck("MM-Skin VQA " + file, "under " + images.root(), options.missingImages());
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                readJson(file, images, check, items);
            } else {
                readCsv(file, images, check, items);
            }
            check.finish();
        }
        return new VqaDataset(name, items);
    }

    private static void readCsv(Path file, ImageLocator images, ImageCheck check, List<VqaItem> items) {
        MetadataTable table = MetadataTable.read(file);
        int[] columns = table.requireAll(List.of(IMAGE, QUESTION, ANSWER));
        int modality = table.find(MODALITY);
        for (int r = 0; r < table.size(); r++) {
            for (int c : columns) {
                if (table.get(r, c).isEmpty()) {
                    throw table.cellError(r, c, "empty");
                }
            }
            String wanted = table.get(r, columns[0]);
            Path image = images.locate(wanted);
            if (check.accept(image, wanted)) {
                items.add(new VqaItem(image, table.get(r, columns[1]), table.get(r, columns[2]),
                        modality < 0 || table.get(r, modality).isEmpty() ? null : table.get(r, modality)));
            }
        }
    }

    private static void readJson(Path file, ImageLocator images, ImageCheck check, List<VqaItem> items) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file + ": not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new DatasetException(file + ": expected a JSON array of {\"image\", \"question\", \"answer\"}"
                    + " objects");
        }
        for (int r = 0; r < root.size(); r++) {
            JsonNode record = root.get(r);
            String wanted = text(file, r, record, IMAGE);
            String question = text(file, r, record, QUESTION);
            String answer = text(file, r, record, ANSWER);
            JsonNode modality = record.get(MODALITY);
            Path image = images.locate(wanted);
            if (check.accept(image, wanted)) {
                boolean unknown = modality == null || modality.isNull() || modality.asText().isBlank();
                items.add(new VqaItem(image, question, answer, unknown ? null : modality.asText()));
            }
        }
    }

    private static String text(Path file, int record, JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DatasetException(file + ": record " + record + " needs a non-empty text '" + key + "'");
        }
        return value.asText().strip();
    }
}
