package io.github.dermlip.eval.probe;

import java.util.Locale;

/** How a linear probe is trained ({@code linear-probe --protocol}). */
public enum ProbeProtocol {
    /** DermLIP's: raw features, {@code C = dim * K / 100} or C chosen on a validation split. */
    DERMLIP,
    /** MM-Skin's: standardized features, C by 5-fold cross-validation on macro AUROC ({@link MmSkinProbe}). */
    MMSKIN;

    /** Parses a {@code --protocol} value. */
    public static ProbeProtocol parse(String name) {
        for (ProbeProtocol protocol : values()) {
            if (protocol.name().equalsIgnoreCase(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("--protocol must be dermlip or mmskin, found '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
