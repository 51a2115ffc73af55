package io.github.dermlip.eval.data;

import io.github.dermlip.core.prompts.ClassList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The class lists of the benchmarks, in the label order DermLIP's evaluation uses
 * ({@code src/open_clip/zero_shot_metadata.py} of the Derm1M repository).
 *
 * <p>HAM10000 follows the {@code dx} codes akiec, bcc, bkl, df, mel, nv, vasc; PAD-UFES-20 follows the
 * {@code diagnostic} codes NEV, BCC, ACK, SEK, SCC, MEL; Fitzpatrick17k holds the 114 {@code label} values of
 * {@code fitzpatrick17k.csv} in DermLIP's order (its constant is named {@code F17K_DISEASE_113_CLASSES} but holds
 * 114 names, exactly the set of labels in the CSV). ISIC 2019 follows the columns MEL, NV, BCC, AK, BKL, DF,
 * VASC, SCC of its ground-truth file; its wording is this library's, as DermLIP does not evaluate it. DDI and
 * ISIC 2020 are binary, benign = 0 and malignant = 1.
 */
public final class BuiltinClassLists {

    /** HAM10000, 7 classes. */
    public static final ClassList HAM10000 = new ClassList("ham10000", List.of("actinic keratosis",
            "basal cell carcinoma", "benign keratosis", "dermatofibroma", "melanoma", "nevus", "vascular"));
    /** PAD-UFES-20, 6 classes. */
    public static final ClassList PAD_UFES_20 = new ClassList("pad-ufes-20", List.of("nevus", "basal cell carcinoma",
            "actinic keratosis", "seborrheic keratosis", "squamous cell carcinoma", "melanoma"));
    /** Daffodil, 5 classes. */
    public static final ClassList DAFFODIL = new ClassList("daffodil",
            List.of("vitiligo", "acne", "SJS/TEN", "hyperpigmentation", "nail psoriasis"));
    /** Fitzpatrick17k, 114 classes. */
    public static final ClassList FITZPATRICK17K = new ClassList("fitzpatrick17k", readResource("fitzpatrick17k.txt"));
    /** ISIC 2019, the 8 diagnostic classes of the ground-truth columns (UNK excluded). */
    public static final ClassList ISIC2019 = new ClassList("isic2019", List.of("melanoma", "nevus",
            "basal cell carcinoma", "actinic keratosis", "benign keratosis", "dermatofibroma", "vascular lesion",
            "squamous cell carcinoma"));
    /** DDI, benign or malignant. */
    public static final ClassList DDI = new ClassList("ddi", List.of("benign", "malignant"));
    /** ISIC 2020, benign or malignant ({@code target} 0 or 1). */
    public static final ClassList ISIC2020 = new ClassList("isic2020", List.of("benign", "malignant"));

    private static final Map<String, ClassList> BY_NAME = byName();

    private BuiltinClassLists() {}

    /** The names {@link #get(String)} accepts, aliases included. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The built-in list of that name (case-insensitive; {@code ham}, {@code pad} and {@code f17k} are aliases).
     *
     * @throws NoSuchElementException naming the known lists when there is none of that name
     */
    public static ClassList get(String name) {
        ClassList list = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (list == null) {
            throw new NoSuchElementException("no built-in class list '" + name + "'; known: " + names());
        }
        return list;
    }

    private static Map<String, ClassList> byName() {
        Map<String, ClassList> map = new LinkedHashMap<>();
        for (ClassList list : List.of(HAM10000, PAD_UFES_20, DAFFODIL, FITZPATRICK17K, ISIC2019, DDI, ISIC2020)) {
            map.put(list.name(), list);
        }
        map.put("ham", HAM10000);
        map.put("pad", PAD_UFES_20);
        map.put("f17k", FITZPATRICK17K);
        return map;
    }

    private static List<String> readResource(String file) {
        try (InputStream in = BuiltinClassLists.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("class list resource missing from the jar: " + file);
            }
            List<String> labels = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    labels.add(line.strip());
                }
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class list resource " + file, e);
        }
    }
}
