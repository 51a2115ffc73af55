package io.github.dermlip.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state dict that does not fit the model: every missing key, unexpected key and shape (or type) mismatch is
 * kept by name (the message names the checkpoint file and lists the first {@value #LISTED} of each kind).
 */
public class CheckpointMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Keys the model needs that the checkpoint lacks. */
    private final List<String> missing;
    /** Keys in the checkpoint the model has no parameter for. */
    private final List<String> unexpected;
    /** Keys present on both sides whose arrays do not fit, each with a description of both sides. */
    private final Map<String, String> mismatched;

    /** Creates the exception; {@code hint} (may be empty) is appended to the message. */
    public CheckpointMismatchException(String source, List<String> missing, List<String> unexpected,
            Map<String, String> mismatched, String hint) {
        super(message(source, missing, unexpected, mismatched, hint));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.mismatched = Collections.unmodifiableMap(new LinkedHashMap<>(mismatched));
    }

    /** Keys the model needs that the checkpoint lacks. */
    public List<String> missing() {
        return missing;
    }

    /** Keys in the checkpoint the model has no parameter for. */
    public List<String> unexpected() {
        return unexpected;
    }

    /** Keys whose checkpoint array has the wrong shape or type, mapped to what was found and what was expected. */
    public Map<String, String> mismatched() {
        return mismatched;
    }

    /** A hostile checkpoint may hold millions of keys: the message lists this many of each kind and counts the rest. */
    static final int LISTED = 20;

    private static String firstFew(List<String> keys) {
        if (keys.size() <= LISTED) {
            return keys.toString();
        }
        String shown = keys.subList(0, LISTED).toString();
        return shown.substring(0, shown.length() - 1) + ", and " + (keys.size() - LISTED) + " more]";
    }

    private static String message(String source, List<String> missing, List<String> unexpected,
            Map<String, String> mismatched, String hint) {
        StringBuilder sb = new StringBuilder(source).append(": checkpoint does not match the model");
        if (!missing.isEmpty()) {
            sb.append("; ").append(missing.size()).append(" missing keys: ").append(firstFew(missing));
        }
        if (!unexpected.isEmpty()) {
            sb.append("; ").append(unexpected.size()).append(" unexpected keys: ").append(firstFew(unexpected));
        }
        if (!mismatched.isEmpty()) {
            sb.append("; ").append(mismatched.size()).append(" mismatched arrays: ");
            mismatched.entrySet().stream().limit(LISTED)
                    .forEach(e -> sb.append(e.getKey()).append(" (").append(e.getValue()).append(") "));
            if (mismatched.size() > LISTED) {
                sb.append("and ").append(mismatched.size() - LISTED).append(" more ");
            }
        }
        if (!hint.isEmpty()) {
            sb.append("; ").append(hint);
        }
        return sb.toString().trim();
    }
}
