package io.github.dermlip.eval.cli;

import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.model.OpenClipHub;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.core.tokenizer.ModelTokenizers;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import io.github.dermlip.eval.probe.Npy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokenize}: token ids of every line of a text file (empty lines included), as open_clip's CLIP BPE
 * tokenizer gives them (or, with {@code --model}, the model's own tokenizer, a Hugging Face one included), written as
 * an int64 NumPy array [lines, context length].
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Tokenize the lines of a text file with CLIP's BPE or a model's tokenizer; writes int64 ids [lines, context length].")
final class TokenizeCommand implements Callable<Integer> {
    /** Lines tokenized per progress step. */
    private static final int CHUNK = 4096;

    @Option(names = "--texts", required = true, paramLabel = "FILE", description = "UTF-8 text file, one caption per line.")
    private Path texts;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output .npy file.")
    private Path out;

    @Option(names = "--vocab", paramLabel = "PATH",
            description = "CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz); default: -Ddermlip.bpe.vocab,"
                    + " $DERMLIP_BPE_VOCAB, else the copy bundled with dermlip-core.")
    private Path vocab;

    @Option(names = "--context-length", paramLabel = "N", defaultValue = "77",
            description = "Ids per row, start and end tokens included (default: ${DEFAULT-VALUE}).")
    private int contextLength;

    @Option(names = "--model", paramLabel = "DIR", description = "Tokenize as this open_clip hub directory's model"
            + " does (its Hugging Face tokenizer, or CLIP BPE), at its context length; --context-length is then unused.")
    private Path model;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    private boolean noProgress;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<String> lines = TextLines.read(texts);
        TextTokenizer tokenizer;
        if (model != null) {
            tokenizer = ModelTokenizers.forModel(model, OpenClipHub.readConfig(model).model().text(), vocab);
        } else {
            BpeVocabulary vocabulary = vocab != null ? BpeVocabulary.load(vocab) : BpeVocabulary.loadDefault();
            tokenizer = new ClipBpeTokenizer(vocabulary, contextLength);
        }
        long[][] ids = new long[lines.size()][];
        try (ConsoleProgress bar = ConsoleProgress.start("tokenize", lines.size(), CHUNK, !noProgress)) {
            for (int start = 0; start < lines.size(); start += CHUNK) {
                int end = Math.min(lines.size(), start + CHUNK);
                long[][] chunk = tokenizer.encode(lines.subList(start, end)).ids();
                System.arraycopy(chunk, 0, ids, start, chunk.length);
                bar.progress(end, lines.size());
            }
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Npy.writeInt64(out, ids);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("%d rows of %d token ids -> %s%n", ids.length, tokenizer.contextLength(), out);
        stdout.flush();
        return 0;
    }
}
