package io.github.dermlip.eval.task;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.data.DatasetException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads image-caption pairs from any CSV with a header row, as open_clip's {@code CsvDataset} does: one column
 * names the image ({@value #DEFAULT_IMAGE_KEY} by default, open_clip's {@code --csv-img-key}), another holds its
 * caption ({@value #DEFAULT_CAPTION_KEY} by default, {@code --csv-caption-key}). Relative image paths are resolved
 * against an image folder (the CSV's folder by default). A missing image, an empty caption or a missing column is
 * an error naming the file and the row.
 */
public final class CaptionCsv {
    /** open_clip's default image column. */
    public static final String DEFAULT_IMAGE_KEY = "filepath";
    /** open_clip's default caption column. */
    public static final String DEFAULT_CAPTION_KEY = "title";
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CaptionCsv() {}

    /**
     * Reads the pairs; the dataset is named after the file.
     *
     * @param csv the CSV file
     * @param imageRoot folder of relative image paths, or null for the CSV's folder
     * @param imageKey the image column
     * @param captionKey the caption column
     * @throws DatasetException naming the file, column or row at fault
     */
    public static CaptionedImages read(Path csv, Path imageRoot, String imageKey, String captionKey) {
        List<String[]> records = records(csv);
        if (records.isEmpty()) {
            throw new DatasetException(csv + ": empty CSV file, expected a header row with columns '" + imageKey
                    + "' and '" + captionKey + "'");
        }
        List<String> header = Arrays.stream(records.get(0)).map(h -> h.strip().replace("\uFEFF", "")).toList();
        int imageColumn = column(csv, header, imageKey);
        int captionColumn = column(csv, header, captionKey);
        Path parent = csv.toAbsolutePath().getParent();
        Path root = imageRoot != null ? imageRoot : parent;
        List<Path> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            String[] record = records.get(r);
            String image = cell(record, imageColumn);
            String caption = cell(record, captionColumn);
            if (image.isEmpty() || caption.isEmpty()) {
                throw new DatasetException(csv + ": data row " + r + ": empty '" + (image.isEmpty() ? imageKey
                        : captionKey) + "'");
            }
            Path file = root.resolve(image);
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(csv + ": data row " + r + ": image '" + image + "' not found under "
                        + root);
            }
            images.add(file);
            captions.add(caption);
        }
        if (images.isEmpty()) {
            throw new DatasetException(csv + ": no data rows");
        }
        String name = csv.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        return new CaptionedImages(name, images, captions);
    }

    private static List<String[]> records(Path csv) {
        List<String[]> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                MappingIterator<String[]> it = MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema())
                        .readValues(in)) {
            while (it.hasNextValue()) {
                String[] record = it.nextValue();
                if (Arrays.stream(record).anyMatch(c -> !c.isBlank())) {
                    records.add(record);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(csv + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(csv + ": not a readable CSV file: " + e.getMessage(), e);
        }
        return records;
    }

    private static int column(Path csv, List<String> header, String key) {
        int index = header.indexOf(key);
        if (index < 0) {
            throw new DatasetException(csv + ": no column '" + key + "'; columns: " + header);
        }
        return index;
    }

    private static String cell(String[] record, int column) {
        return column < record.length ? record[column].strip() : "";
    }
}
