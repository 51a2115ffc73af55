package io.github.dermlip.synth.lesion;

/**
 * The eight synthetic diagnoses, in label order. Each has a place in the ontology, an attribute distribution that
 * overlaps with its neighbours (melanoma vs. nevus, basal cell carcinoma vs. actinic keratosis, actinic keratosis vs.
 * psoriasis, seborrheic keratosis vs. nevus), a share of the pretraining corpus, and a chance of being dermoscopic.
 */
public enum Diagnosis {
    //                                                                   brown black blue  red   pink  white
    MELANOMA("melanoma", "a melanoma", LesionCategory.MELANOCYTIC, Malignancy.MALIGNANT, 0.14, 0.70,
            new AttributeProfile(new double[] {0.85, 0.65, 0.55, 0.20, 0.10, 0.30},
                    0.80, 0.80, 0.10, 0.35, 0.03, 0.08, 0.65, 0.12, 0.55)),
    NEVUS("melanocytic nevus", "a melanocytic nevus", LesionCategory.MELANOCYTIC, Malignancy.BENIGN, 0.22, 0.65,
            new AttributeProfile(new double[] {0.95, 0.12, 0.08, 0.03, 0.12, 0.03},
                    0.15, 0.15, 0.55, 0.40, 0.02, 0.02, 0.35, 0.03, 0.70)),
    BASAL_CELL_CARCINOMA("basal cell carcinoma", "basal cell carcinoma", LesionCategory.KERATINOCYTIC,
            Malignancy.MALIGNANT, 0.13, 0.60,
            new AttributeProfile(new double[] {0.12, 0.08, 0.40, 0.40, 0.85, 0.50},
                    0.40, 0.45, 0.35, 0.45, 0.08, 0.30, 0.25, 0.85, 0.02)),
    SEBORRHEIC_KERATOSIS("seborrheic keratosis", "a seborrheic keratosis", LesionCategory.KERATINOCYTIC,
            Malignancy.BENIGN, 0.13, 0.60,
            new AttributeProfile(new double[] {0.90, 0.30, 0.05, 0.05, 0.10, 0.20},
                    0.15, 0.35, 0.20, 0.50, 0.35, 0.60, 0.20, 0.08, 0.08)),
    ACTINIC_KERATOSIS("actinic keratosis", "an actinic keratosis", LesionCategory.KERATINOCYTIC,
            Malignancy.PREMALIGNANT, 0.10, 0.50,
            new AttributeProfile(new double[] {0.20, 0.02, 0.02, 0.50, 0.85, 0.35},
                    0.50, 0.50, 0.45, 0.45, 0.85, 0.30, 0.05, 0.30, 0.03)),
    DERMATOFIBROMA("dermatofibroma", "a dermatofibroma", LesionCategory.FIBROHISTIOCYTIC, Malignancy.BENIGN,
            0.08, 0.60,
            new AttributeProfile(new double[] {0.85, 0.02, 0.05, 0.20, 0.50, 0.80},
                    0.10, 0.20, 0.70, 0.28, 0.05, 0.02, 0.10, 0.08, 0.70)),
    VASCULAR_LESION("vascular lesion", "a vascular lesion", LesionCategory.VASCULAR, Malignancy.BENIGN, 0.08, 0.60,
            new AttributeProfile(new double[] {0.02, 0.10, 0.30, 0.98, 0.30, 0.12},
                    0.15, 0.25, 0.50, 0.40, 0.02, 0.10, 0.60, 0.15, 0.00)),
    PSORIASIS("psoriasis", "psoriasis", LesionCategory.INFLAMMATORY, Malignancy.BENIGN, 0.12, 0.25,
            new AttributeProfile(new double[] {0.05, 0.00, 0.00, 0.80, 0.70, 0.50},
                    0.30, 0.30, 0.05, 0.30, 0.95, 0.15, 0.35, 0.20, 0.00));

    private final String label;
    private final String withArticle;
    private final LesionCategory category;
    private final Malignancy malignancy;
    private final double pretrainShare;
    private final double dermoscopicProbability;
    private final AttributeProfile profile;

    Diagnosis(String label, String withArticle, LesionCategory category, Malignancy malignancy, double pretrainShare,
              double dermoscopicProbability, AttributeProfile profile) {
        this.label = label;
        this.withArticle = withArticle;
        this.category = category;
        this.malignancy = malignancy;
        this.pretrainShare = pretrainShare;
        this.dermoscopicProbability = dermoscopicProbability;
        this.profile = profile;
    }

    /** Class name written to {@code classes.txt} and the {@code label}/{@code disease_label} columns. */
    public String label() {
        return label;
    }

    /** The name with its article for running text ({@code "a melanoma"}, {@code "psoriasis"}). */
    public String withArticle() {
        return withArticle;
    }

    /** Parent category in the ontology. */
    public LesionCategory category() {
        return category;
    }

    /** Benign, premalignant or malignant. */
    public Malignancy malignancy() {
        return malignancy;
    }

    /** Fraction of the pretraining corpus with this diagnosis (the shares sum to one). */
    public double pretrainShare() {
        return pretrainShare;
    }

    /** Probability that an image of this diagnosis is dermoscopic rather than clinical. */
    public double dermoscopicProbability() {
        return dermoscopicProbability;
    }

    /** The attribute distribution lesions of this diagnosis are drawn from. */
    public AttributeProfile profile() {
        return profile;
    }
}
