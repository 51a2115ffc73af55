package io.github.dermlip.eval.concepts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Concept-to-terms lists in MONET's {@code ConceptTerms.json} format (a JSON object from lower-case concept name
 * to an array of term strings), and the selection of the terms of a concept list, matching names
 * case-insensitively as DermLIP does.
 */
public final class ConceptTerms {
    private ConceptTerms() {}

    /** Reads a terms file. */
    public static Map<String, List<String>> read(Path json) throws IOException {
        Map<String, List<String>> terms;
        try {
            terms = new ObjectMapper().readValue(json.toFile(),
                    new TypeReference<LinkedHashMap<String, List<String>>>() {});
        } catch (JsonProcessingException e) {
            throw new IOException(json + ": expected a JSON object of concept name to an array of terms: "
                    + e.getOriginalMessage(), e);
        }
        for (Map.Entry<String, List<String>> entry : terms.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isEmpty()
                    || entry.getValue().stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IOException(json + ": concept '" + entry.getKey() + "' needs a non-empty array of"
                        + " non-blank terms");
            }
        }
        return terms;
    }

    /**
     * The terms of each concept, in the order of {@code concepts}, looked up case-insensitively. Unlike DermLIP,
     * which silently drops concepts without terms (shifting later columns against the labels), a missing concept
     * is an error.
     */
    public static Map<String, List<String>> select(List<String> concepts, Map<String, List<String>> termsByName) {
        Map<String, List<String>> byLowerCase = new LinkedHashMap<>();
        termsByName.forEach((name, terms) -> byLowerCase.put(name.toLowerCase(Locale.ROOT), terms));
        Map<String, List<String>> selected = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String concept : concepts) {
            List<String> terms = byLowerCase.get(concept.toLowerCase(Locale.ROOT));
            if (terms == null) {
                missing.add(concept);
            } else {
                selected.put(concept, List.copyOf(terms));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no terms for concepts " + missing);
        }
        return selected;
    }
}
