package io.github.dermlip.eval.concepts;

import java.util.List;

/**
 * The 48 clinical concepts of SkinCon (Daneshjou et al., 2022) exactly as they head the columns of its Fitzpatrick
 * 17k annotation CSV, in column order.
 */
public final class SkinConConcepts {
    /** The 48 concept column names. */
    public static final List<String> NAMES = List.of(
            "Vesicle", "Papule", "Macule", "Plaque", "Abscess", "Pustule", "Bulla", "Patch",
            "Nodule", "Ulcer", "Crust", "Erosion", "Excoriation", "Atrophy", "Exudate", "Purpura/Petechiae",
            "Fissure", "Induration", "Xerosis", "Telangiectasia", "Scale", "Scar", "Friable", "Sclerosis",
            "Pedunculated", "Exophytic/Fungating", "Warty/Papillomatous", "Dome-shaped", "Flat topped",
            "Brown(Hyperpigmentation)", "Translucent", "White(Hypopigmentation)", "Purple", "Yellow", "Black",
            "Erythema", "Comedo", "Lichenification", "Blue", "Umbilicated", "Poikiloderma", "Salmon", "Wheal",
            "Acuminate", "Burrow", "Gray", "Pigmented", "Cyst");

    private SkinConConcepts() {}
}
