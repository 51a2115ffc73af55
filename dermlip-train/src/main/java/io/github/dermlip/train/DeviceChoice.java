package io.github.dermlip.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** {@code --device}: where the model and its training arrays live. */
public enum DeviceChoice {
    /** The first GPU when the engine sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; an error when there is none. */
    GPU;

    /** Parses {@code auto}, {@code cpu} or {@code gpu}. */
    public static DeviceChoice parse(String name) {
        for (DeviceChoice choice : values()) {
            if (choice.name().equalsIgnoreCase(name)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("--device must be auto, cpu or gpu, found '" + name + "'");
    }

    /** The device this choice means on this machine. */
    public Device resolve() {
        int gpus = Engine.getInstance().getGpuCount();
        switch (this) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (gpus == 0) {
                    throw new IllegalStateException("--device gpu: the " + Engine.getInstance().getEngineName()
                            + " engine sees no GPU on this machine");
                }
                return Device.gpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
