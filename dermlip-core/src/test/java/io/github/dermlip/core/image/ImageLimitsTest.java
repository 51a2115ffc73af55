package io.github.dermlip.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SmallHeapJvm;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Decompression bombs, strips and endless files: refused from the header, naming the file and the dimensions. */
class ImageLimitsTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static ImageDecodeException refused(Path file, String... fragments) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        }
        return e;
    }

    @Test
    @Timeout(120)
    void bombsAreRefusedInASmallHeap() throws IOException, InterruptedException {
        byte[] png = HostileImages.png(20000, 20000);
        assertTrue(png.length < 450_000, "PNG bomb of " + png.length + " bytes");
        byte[] bmp = HostileImages.bmpHeader(30000, 30000);
        byte[] webp = HostileImages.webpCanvas(16384, 16384);
        assertTrue(bmp.length < 1100 && webp.length < 500, bmp.length + " and " + webp.length + " bytes");
        List<String> files = List.of(write("bomb.png", png).toString(), write("bomb.bmp", bmp).toString(),
                write("bomb.webp", webp).toString(), "/dev/zero");
        String output = SmallHeapJvm.run(ImageBombs.class, files, 100);
        System.out.print(output); // the timings and messages, for the build log
        assertEquals(files.size(), output.lines().filter(l -> l.startsWith("refused ")).count(), output);
        assertTrue(output.contains("image of 20000 x 20000 = 400000000 pixels exceeds the limit of 178956970"), output);
        assertTrue(output.contains("image of 30000 x 30000"), output);
        assertTrue(output.contains("image of 16384 x 16384"), output);
        assertTrue(output.contains("/dev/zero: holds more than 67108864 bytes"), output);
    }

    @Test
    void absurdAspectRatiosAreRefusedBeforeDecoding() throws IOException {
        refused(write("strip.png", HostileImages.png(1, 100_000)), "image of 1 x 100000 has an aspect ratio of 100000:1");
        refused(write("long.png", HostileImages.png(70_000_000, 1)), "image of 70000000 x 1");
    }

    @Test
    void ordinaryImagesAndTheLimitsThemselves() throws IOException {
        BufferedImage ok = ImageDecoder.decode(write("ok.png", HostileImages.png(300, 200)));
        assertEquals(300, ok.getWidth());
        ImageLimits limits = new ImageLimits(1000, 2, 10);
        assertThrows(ImageDecodeException.class, () -> limits.requireDimensions("x", 40, 30), "1200 pixels");
        assertThrows(ImageDecodeException.class, () -> limits.requireDimensions("x", 30, 10), "ratio 3");
        limits.requireDimensions("x", 20, 20);
        ImageDecodeException big = assertThrows(ImageDecodeException.class,
                () -> limits.readFile(write("eleven.bin", new byte[11])));
        assertTrue(big.getMessage().contains("eleven.bin: is 11 bytes, more than the limit of 10 bytes"), big.getMessage());
        assertEquals(10, limits.readFile(write("ten.bin", new byte[10])).length);
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 2, 10));
    }

    @Test
    void givenLimitsRefuseWithTheirOwnExceptionAndCorruptBytesDoNot() throws IOException {
        ImageLimits limits = new ImageLimits(1000, 2, 1 << 20);
        byte[] png = Files.readAllBytes(write("wide.png", HostileImages.png(40, 30)));
        ImageTooLargeException tooLarge = assertThrows(ImageTooLargeException.class,
                () -> ImageDecoder.decode(png, "wide.png", limits));
        assertTrue(tooLarge.getMessage().startsWith("wide.png: image of 40 x 30 = 1200 pixels"), tooLarge.getMessage());
        assertThrows(ImageTooLargeException.class,
                () -> ImageDecoder.decode(png, "wide.png", new ImageLimits(10_000, 2, png.length - 1)));
        ImageDecodeException corrupt = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode("not an image".getBytes(), "garbage", limits));
        assertTrue(!(corrupt instanceof ImageTooLargeException), corrupt.getMessage());
    }
}
