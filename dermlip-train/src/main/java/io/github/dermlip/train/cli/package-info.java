/** The {@code train} command line ({@link io.github.dermlip.train.cli.TrainCommand}). */
package io.github.dermlip.train.cli;
