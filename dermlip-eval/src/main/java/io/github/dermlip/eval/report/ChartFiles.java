package io.github.dermlip.eval.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Shared chart setup: headless rendering, a colour-blind-safe palette, common fonts, PNG output. */
final class ChartFiles {
    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66),
        new Color(0, 0, 0)};

    private ChartFiles() {}

    /** Asks AWT to run without a display; called before any chart is built (no effect once AWT has started). */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** The palette colour for series {@code i}. */
    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** The colour with an alpha (0-255). */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Applies the common look: white background, readable fonts, the palette. */
    static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
    }

    /** Writes the chart as a PNG file, creating its folder. */
    static void save(Chart<?, ?> chart, Path png) {
        try {
            TextFiles.createParent(png);
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
