package io.github.dermlip.synth.caption;

/**
 * A generated caption and the style it was written in.
 *
 * @param text the caption
 * @param style the style
 */
public record Caption(String text, CaptionStyle style) {
}
