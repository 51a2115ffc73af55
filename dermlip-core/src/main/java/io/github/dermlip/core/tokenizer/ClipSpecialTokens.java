package io.github.dermlip.core.tokenizer;

/**
 * How the start and end tokens of CLIP's BPE are spelt: a caption that contains one of these literal strings gets
 * that token's id, as in the Python tokenizers.
 */
enum ClipSpecialTokens {
    /** open_clip's {@code SimpleTokenizer}. */
    OPEN_CLIP(ClipPreTokenizer.START_OF_TEXT, ClipPreTokenizer.END_OF_TEXT),
    /** Hugging Face's {@code CLIPTokenizer} (the {@code vocab.json} of the openai repositories). */
    HUGGING_FACE("<|startoftext|>", "<|endoftext|>");

    private final String startOfText;
    private final String endOfText;

    ClipSpecialTokens(String startOfText, String endOfText) {
        this.startOfText = startOfText;
        this.endOfText = endOfText;
    }

    String startOfText() {
        return startOfText;
    }

    String endOfText() {
        return endOfText;
    }
}
