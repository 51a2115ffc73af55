package io.github.dermlip.eval.cli;

import io.github.dermlip.core.hub.ModelReference;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a {@code --model} value into a {@link ModelReference}, so a malformed one is a usage error. */
final class ModelReferenceConverter implements ITypeConverter<ModelReference> {
    @Override
    public ModelReference convert(String value) {
        try {
            return ModelReference.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
