package io.github.dermlip.core.prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * Prompt templates for zero-shot classification: each template holds a {@code {}} that is replaced by a class
 * name, and a class's text embedding is the mean over its formatted prompts.
 *
 * @param templates the templates, each containing {@value #PLACEHOLDER} at least once
 */
public record PromptTemplates(List<String> templates) {

    /** The placeholder that {@link #format(String)} replaces with the class name. */
    public static final String PLACEHOLDER = "{}";

    /** DermLIP's eight skin templates ({@code OPENAI_SKIN_TEMPLATES}), the default for dermatology. */
    public static final PromptTemplates DERMLIP_SKIN = new PromptTemplates(List.of(
            "This is a skin image of {}",
            "This is a skin image of {}.",
            "A skin image of {}.",
            "An image of {}, a skin condition.",
            "{}, a skin disorder, is shown in this image.",
            "The skin lesion depicted is {}.",
            "The skin cancer in this image is {}.",
            "This image depicts {}, a type of skin cancer."));

    /** Copies the list and checks that every template has a placeholder. */
    public PromptTemplates {
        templates = List.copyOf(templates);
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no prompt templates given");
        }
        for (String t : templates) {
            if (!t.contains(PLACEHOLDER)) {
                throw new IllegalArgumentException("prompt template without a " + PLACEHOLDER + " placeholder: \"" + t + "\"");
            }
        }
    }

    /** Number of templates. */
    public int size() {
        return templates.size();
    }

    /** The prompts for one class name, one per template, in template order. */
    public List<String> format(String label) {
        List<String> prompts = new ArrayList<>(templates.size());
        for (String t : templates) {
            prompts.add(t.replace(PLACEHOLDER, label));
        }
        return prompts;
    }

    /** The prompts of every class of a list: element {@code i} holds the prompts of label {@code i}. */
    public List<List<String>> formatAll(ClassList classes) {
        List<List<String>> all = new ArrayList<>(classes.size());
        for (String label : classes.labels()) {
            all.add(format(label));
        }
        return all;
    }
}
