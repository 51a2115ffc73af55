package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.hub.ModelReference;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which model to load and how to run it, shared by the commands that run a model. */
final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "MODEL", converter = ModelReferenceConverter.class,
            description = "A model folder (open_clip or Hugging Face CLIP), hf-hub:ORG/NAME[@REVISION] (downloaded"
                    + " into the Hugging Face cache), or a registry name such as DermLIP_ViT-B-16 (see `models`).")
    ModelReference model;

    @Option(names = "--vocab", paramLabel = "PATH",
            description = "CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz); default: -Ddermlip.bpe.vocab,"
                    + " $DERMLIP_BPE_VOCAB, else the copy bundled with dermlip-core.")
    Path vocab;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Images or texts per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** Loads the model these options name. */
    DermLip load() throws IOException {
        return DermLip.load(model.resolve().folder(), options());
    }

    /** The options for {@link DermLip#load(Path, DermLipOptions)}. */
    DermLipOptions options() {
        return DermLipOptions.defaults().withVocabulary(vocab).withBatchSize(batchSize);
    }
}
