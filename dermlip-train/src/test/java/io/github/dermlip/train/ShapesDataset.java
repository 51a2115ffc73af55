package io.github.dermlip.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A small synthetic image-caption set: small or large coloured circles and squares on noisy grey backgrounds, each
 * caption naming the size, the colour and the shape in one of several phrasings. The classes are the size-colour
 * pairs ("small red", ..., "large yellow"); the shape is drawn at random and only named in the caption.
 */
final class ShapesDataset {
    static final String[] COLORS = {"red", "green", "blue", "yellow"};
    static final String[] SIZES = {"small", "large"};
    static final String[] SHAPES = {"circle", "square"};
    private static final Color[] RGB = {new Color(220, 30, 30), new Color(30, 180, 40), new Color(40, 60, 230),
        new Color(235, 220, 40)};
    private static final String[] PHRASES = {"a %s %s %s", "a photo of a %s %s %s", "a %s %s %s on a grey background",
        "an image showing a %s %s %s", "one %s %s %s"};
    private static final int SIZE = 40;

    private ShapesDataset() {}

    /** The class names, "size colour", in class-index order. */
    static List<String> classes() {
        List<String> out = new ArrayList<>();
        for (String color : COLORS) {
            for (String size : SIZES) {
                out.add(size + " " + color);
            }
        }
        return out;
    }

    /** Writes {@code count} images and a CSV manifest (columns filepath,title); returns the manifest. */
    static Path writeManifest(Path dir, String name, int count, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("filepath,title\n");
        for (int i = 0; i < count; i++) {
            int cls = random.nextInt(classes().size());
            String file = name + "_" + i + ".png";
            String phrase = PHRASES[random.nextInt(PHRASES.length)];
            String shape = SHAPES[random.nextInt(SHAPES.length)];
            csv.append(file).append(',').append(String.format(phrase, size(cls), color(cls), shape)).append('\n');
            writeImage(dir, file, cls, shape, random);
        }
        return write(dir.resolve(name + ".csv"), csv.toString());
    }

    /** Writes {@code count} labelled images (columns image_path,label) and the class list; returns the CSV. */
    static Path writeZeroShot(Path dir, int count, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("image_path,label\n");
        for (int i = 0; i < count; i++) {
            int cls = i % classes().size();
            String shape = SHAPES[random.nextInt(SHAPES.length)];
            csv.append(writeImage(dir, "zs_" + i + ".png", cls, shape, random)).append(',').append(classes().get(cls))
                    .append('\n');
        }
        write(dir.resolve("classes.txt"), String.join("\n", classes()) + "\n");
        return write(dir.resolve("zeroshot.csv"), csv.toString());
    }

    private static String color(int cls) {
        return COLORS[cls / SIZES.length];
    }

    private static String size(int cls) {
        return SIZES[cls % SIZES.length];
    }

    private static String writeImage(Path dir, String file, int cls, String shape, Random random) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int g = 110 + random.nextInt(40);
                image.setRGB(x, y, (g << 16) | (g << 8) | g);
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(RGB[cls / SIZES.length]);
        int extent = size(cls).equals("small") ? 8 + random.nextInt(4) : 24 + random.nextInt(6);
        int x = 2 + random.nextInt(SIZE - extent - 4);
        int y = 2 + random.nextInt(SIZE - extent - 4);
        if (shape.equals("circle")) {
            graphics.fillOval(x, y, extent, extent);
        } else {
            graphics.fillRect(x, y, extent, extent);
        }
        graphics.dispose();
        try {
            Files.createDirectories(dir);
            ImageIO.write(image, "png", dir.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
