package io.github.dermlip.demo;

import io.github.dermlip.core.table.CaptionManifest;
import io.github.dermlip.core.tokenizer.BpeTrainer;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.synth.DatasetLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's text vocabulary: the CLIP BPE file when the user gives one, else a small byte-level BPE learned from
 * the pretraining captions, so the demo never needs a download.
 *
 * @param file the gzip vocabulary file the tokenizers read
 * @param size number of token ids, SOT and EOT included (the text tower's {@code vocab_size})
 * @param learned true when the vocabulary was learned from the captions
 */
public record DemoVocabulary(Path file, int size, boolean learned) {

    /** Loads the given CLIP vocabulary, or learns one from the {@code pretrain.csv} captions and writes it. */
    public static DemoVocabulary prepare(Path clipVocabulary, Path dataRoot, int merges, Path target)
            throws IOException {
        if (clipVocabulary != null) {
            return new DemoVocabulary(clipVocabulary, BpeVocabulary.load(clipVocabulary).size(), false);
        }
        BpeVocabulary vocabulary = BpeTrainer.train(captions(dataRoot.resolve(DatasetLayout.PRETRAIN_CSV)), merges);
        vocabulary.writeGzip(target);
        return new DemoVocabulary(target, vocabulary.size(), true);
    }

    /** The captions the BPE learns from; blank ones are left out, core's rule. */
    private static List<String> captions(Path csv) throws IOException {
        return CaptionManifest.read(csv, DatasetLayout.FILENAME, DatasetLayout.TRUNCATED_CAPTION, ',').captioned()
                .stream().map(CaptionManifest.Pair::caption).toList();
    }
}
