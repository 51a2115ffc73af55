package io.github.dermlip.eval.task;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a tiny evaluation dataset in every input format the tasks read: 30 small PNGs of three classes
 * ({@code images/c<k>_<i>.png}, each class a different base colour with noise) and
 * <ul>
 *   <li>{@code labels.csv}: the generic classification CSV {@code image_path,label,split,sex} (per class 6 train,
 *       1 val, 3 test images; sex alternates);</li>
 *   <li>{@code unsplit.csv}: the same without the split column;</li>
 *   <li>{@code captions.csv}: open_clip's retrieval CSV {@code filepath,title};</li>
 *   <li>{@code skincon.csv}: SkinCon's layout {@code ImageID,Do not consider this image,<concepts>} with one
 *       excluded row;</li>
 *   <li>{@code terms.json}: concept name to terms; {@code classes.txt}: the class names.</li>
 * </ul>
 */
public final class TinyDataset {
    /** The class names in label order. */
    public static final List<String> CLASSES = List.of("melanoma", "nevus", "basal cell carcinoma");
    /** The concept columns of {@code skincon.csv}. */
    public static final List<String> CONCEPTS = List.of("Papule", "Plaque", "Pigmented");
    /** Images per class. */
    public static final int PER_CLASS = 10;
    /** Training images per class. */
    public static final int TRAIN_PER_CLASS = 6;
    /** Test images per class. */
    public static final int TEST_PER_CLASS = 3;

    private TinyDataset() {}

    /** Writes everything into {@code root} and returns it. */
    public static Path write(Path root) throws IOException {
        Files.createDirectories(root.resolve("images"));
        StringBuilder labels = new StringBuilder("image_path,label,split,sex\n");
        StringBuilder unsplit = new StringBuilder("image_path,label,sex\n");
        StringBuilder captions = new StringBuilder("filepath,title\n");
        StringBuilder concepts = new StringBuilder("ImageID,Do not consider this image," + String.join(",", CONCEPTS)
                + "\n");
        for (int k = 0; k < CLASSES.size(); k++) {
            for (int i = 0; i < PER_CLASS; i++) {
                String file = "c" + k + "_" + i + ".png";
                ImageIO.write(image(k, i), "png", root.resolve("images").resolve(file).toFile());
                String split = i < TRAIN_PER_CLASS ? "train" : i < PER_CLASS - TEST_PER_CLASS ? "val" : "test";
                String sex = i % 2 == 0 ? "female" : "male";
                String label = CLASSES.get(k);
                labels.append("images/").append(file).append(',').append(quote(label)).append(',').append(split)
                        .append(',').append(sex).append('\n');
                unsplit.append("images/").append(file).append(',').append(quote(label)).append(',').append(sex)
                        .append('\n');
                captions.append("images/").append(file).append(",\"A close-up of ").append(label).append(", case ")
                        .append(i).append(".\"\n");
                int excluded = k == 2 && i == 9 ? 1 : 0;
                concepts.append(file).append(',').append(excluded).append(',').append(i % 2).append(',')
                        .append(k == 1 ? 1 : 0).append(',').append(k == 0 || i < 3 ? 1 : 0).append('\n');
            }
        }
        Files.writeString(root.resolve("labels.csv"), labels, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("unsplit.csv"), unsplit, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("captions.csv"), captions, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("skincon.csv"), concepts, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("terms.json"), "{\"papule\": [\"papule\", \"small bump\"], \"plaque\":"
                + " [\"plaque\"], \"pigmented\": [\"pigmented lesion\", \"dark spot\"]}\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("classes.txt"), String.join("\n", CLASSES) + "\n", StandardCharsets.UTF_8);
        return root;
    }

    private static String quote(String cell) {
        return cell.contains(" ") ? "\"" + cell + "\"" : cell;
    }

    private static BufferedImage image(int label, int index) {
        int[][] base = {{150, 60, 50}, {200, 160, 120}, {230, 190, 200}};
        SplittableRandom random = new SplittableRandom(label * 1000L + index);
        BufferedImage image = new BufferedImage(24, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int r = clamp(base[label][0] + random.nextInt(-30, 31));
                int g = clamp(base[label][1] + random.nextInt(-30, 31));
                int b = clamp(base[label][2] + random.nextInt(-30, 31));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
