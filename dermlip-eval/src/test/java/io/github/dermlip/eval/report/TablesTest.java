package io.github.dermlip.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.dermlip.eval.stats.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TablesTest {

    private static Map<String, Estimate> metrics(Object... nameAndEstimate) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndEstimate.length; i += 2) {
            m.put((String) nameAndEstimate[i], (Estimate) nameAndEstimate[i + 1]);
        }
        return m;
    }

    private final List<ResultRow> rows = List.of(
            new ResultRow("DermLIP_ViT-B-16", "zero-shot", "ham10000", metrics(
                    "acc", new Estimate(0.8234, 0.8011, 0.8423), "ece", Estimate.of(0.051))),
            new ResultRow("CLIP 50% & more", "zero-shot", "ham10000", metrics(
                    "acc", new Estimate(0.61, 0.58, 0.64), "ece", Estimate.of(0.049), "auroc", Estimate.of(0.9))));

    @Test
    void estimatesPrintAsValueAndInterval() {
        assertEquals("82.3 [80.1, 84.2]", EstimateFormat.PERCENT_1.format(new Estimate(0.8234, 0.8011, 0.8423)));
        assertEquals("0.823", EstimateFormat.FRACTION_3.format(Estimate.of(0.8234)));
        assertEquals("-", EstimateFormat.PERCENT_1.format(Estimate.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> new EstimateFormat(0, 1));
    }

    @Test
    void markdownBoldsTheBestAndDropsConstantKeyColumns() {
        String expected = """
                | Model | acc | ece | auroc |
                | --- | ---: | ---: | ---: |
                | DermLIP_ViT-B-16 | **82.3 [80.1, 84.2]** | 5.1 | - |
                | CLIP 50% & more | 61.0 [58.0, 64.0] | **4.9** | **90.0** |
                """;
        assertEquals(expected, MarkdownTable.render(rows, TableOptions.DEFAULT));
    }

    @Test
    void latexUsesBooktabsAndEscapes() {
        String expected = """
                \\begin{tabular}{lcc}
                \\toprule
                Model & acc & ece \\\\
                \\midrule
                DermLIP\\_ViT-B-16 & \\textbf{82.3 [80.1, 84.2]} & 5.1 \\\\
                CLIP 50\\% \\& more & 61.0 [58.0, 64.0] & \\textbf{4.9} \\\\
                \\bottomrule
                \\end{tabular}
                """;
        assertEquals(expected, LatexTable.render(rows, TableOptions.DEFAULT.withMetrics(List.of("acc", "ece"))));
        assertEquals("a\\#b\\_c\\{\\}\\$ x\\textasciitilde{}\\textasciicircum{}\\textbackslash{}",
                LatexTable.escape("a#b_c{}$ x~^\\"));
    }

    @Test
    void tiesAsPrintedAreAllBoldAndKeysAppearWhenTheyDiffer() {
        List<ResultRow> tied = List.of(
                new ResultRow("A", "zero-shot", "pad", metrics("acc", Estimate.of(0.70001))),
                new ResultRow("B", "linear-probe", "pad", metrics("acc", Estimate.of(0.69996))));
        String expected = """
                | Model | Task | acc |
                | --- | --- | ---: |
                | A | zero-shot | **70.0** |
                | B | linear-probe | **70.0** |
                """;
        assertEquals(expected, MarkdownTable.render(tied, TableOptions.DEFAULT));
        String plain = MarkdownTable.render(tied, TableOptions.DEFAULT.withBoldBest(false)
                .withFormat(EstimateFormat.FRACTION_3));
        assertEquals(false, plain.contains("**"));
        assertEquals(true, plain.contains("| A | zero-shot | 0.700 |"));
    }

    @Test
    void csvHasValueLowHighPerMetric() {
        String expected = """
                model,task,dataset,acc,acc_low,acc_high,ece,ece_low,ece_high,auroc,auroc_low,auroc_high
                DermLIP_ViT-B-16,zero-shot,ham10000,0.8234,0.8011,0.8423,0.051,,,,,
                CLIP 50% & more,zero-shot,ham10000,0.61,0.58,0.64,0.049,,,0.9,,
                """;
        assertEquals(expected, ResultsCsv.render(rows));
        String quoted = ResultsCsv.render(List.of(new ResultRow("m, \"v2\"", "t", "d", metrics())));
        assertEquals("model,task,dataset\n\"m, \"\"v2\"\"\",t,d\n", quoted);
    }

    @Test
    void lowerIsBetterIsConfigurable() {
        TableOptions higher = new TableOptions(List.of("ece"), EstimateFormat.PERCENT_1, true, Set.of());
        assertEquals(true, MarkdownTable.render(rows, higher).contains("| **5.1** |"));
    }
}
