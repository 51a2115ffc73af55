package io.github.dermlip.spark;

import ai.djl.Device;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * The device a task runs the model on: the GPU Spark's scheduler gave it ({@code spark.task.resource.gpu.amount}),
 * else the CPU. Following the scheduler, not the engine's default, keeps tasks sharing an executor on the GPUs
 * they were given instead of all on GPU 0.
 */
final class TaskDevice {
    /** Spark's resource name for GPUs. */
    static final String GPU = "gpu";

    private TaskDevice() {}

    /** The current task's device; the CPU outside a task. */
    static Device current() {
        TaskContext task = TaskContext.get();
        return task == null ? Device.cpu() : of(task.resourcesJMap());
    }

    /** The first GPU address among {@code resources}, else the CPU. */
    static Device of(Map<String, ResourceInformation> resources) {
        ResourceInformation gpu = resources.get(GPU);
        if (gpu == null || gpu.addresses().length == 0) {
            return Device.cpu();
        }
        String address = gpu.addresses()[0];
        try {
            return Device.gpu(Integer.parseInt(address.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the GPU discovery script gave the address '" + address
                    + "'; DJL needs a device index (0, 1, ...)", e);
        }
    }
}
