/** Process-wide settings of the PyTorch engine that have to be made before its native library loads. */
package io.github.dermlip.core.engine;
