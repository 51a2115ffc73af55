package io.github.dermlip.models;

import java.util.List;

/**
 * A published checkpoint in the registry: where it lives on the hub and what it is.
 *
 * @param name registry name, for example {@code DermLIP_ViT-B-16}
 * @param repoId hub repository, {@code ORG/NAME}
 * @param revision the revision to load: a commit when one has been verified, else a branch ({@code main})
 * @param layout {@code open_clip} (open_clip_config.json + weights) or {@code hf-clip} (a Hugging Face
 *     {@code CLIPModel} folder)
 * @param files the files of the repository the model needs
 * @param architecture the architecture family, in words (towers and sizes)
 * @param tokenizer {@code clip-bpe}, or {@code hf:ORG/NAME} for a Hugging Face tokenizer
 * @param licence the licence the weights are published under, as far as known
 * @param verified which of these facts were checked, and against what
 */
public record PretrainedModel(String name, String repoId, String revision, String layout, List<String> files,
        String architecture, String tokenizer, String licence, String verified) {
    /** Copies the list. */
    public PretrainedModel {
        files = List.copyOf(files);
    }

    /** The reference that names this model on the hub, {@code hf-hub:ORG/NAME@REVISION}. */
    public String hubReference() {
        return "hf-hub:" + repoId + "@" + revision;
    }
}
