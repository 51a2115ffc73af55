package io.github.dermlip.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Assembles pickle byte streams opcode by opcode, for building test checkpoints by hand. */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter op(int opcode) {
        out.write(opcode);
        return this;
    }

    /** Raw bytes, each given as an int 0-255 (or a negative byte value). */
    PickleWriter bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    /** {@code opcode} written {@code count} times. */
    PickleWriter repeat(int count, int opcode) {
        for (int i = 0; i < count; i++) {
            out.write(opcode);
        }
        return this;
    }

    /** {@code opcode} and its one argument byte, written {@code count} times. */
    PickleWriter repeatPair(int count, int opcode, int argument) {
        for (int i = 0; i < count; i++) {
            out.write(opcode);
            out.write(argument);
        }
        return this;
    }

    PickleWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    PickleWriter proto(int version) {
        return op(0x80).op(version);
    }

    PickleWriter mark() {
        return op('(');
    }

    PickleWriter emptyDict() {
        return op('}');
    }

    PickleWriter emptyTuple() {
        return op(')');
    }

    PickleWriter emptyList() {
        return op(']');
    }

    PickleWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        le(b.length, 4);
        return raw(b);
    }

    PickleWriter shortStr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8c).op(b.length);
        return raw(b);
    }

    /** The opcode pickle would pick: BININT1, BININT2, BININT for 32-bit values, else LONG1 with 8 bytes. */
    PickleWriter integer(long v) {
        if (v != (int) v) {
            op(0x8a).op(8);
            return le(v, 8);
        }
        if (v >= 0 && v < 0x100) {
            return op('K').op((int) v);
        }
        if (v >= 0 && v < 0x10000) {
            op('M');
            return le(v, 2);
        }
        op('J');
        return le(v, 4);
    }

    PickleWriter binFloat(double v) {
        op('G');
        long bits = Double.doubleToRawLongBits(v);
        for (int i = 7; i >= 0; i--) {
            out.write((int) (bits >>> (8 * i)));
        }
        return this;
    }

    PickleWriter global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    PickleWriter tuple() {
        return op('t');
    }

    PickleWriter tuple2() {
        return op(0x86);
    }

    PickleWriter reduce() {
        return op('R');
    }

    PickleWriter binPut(int slot) {
        return op('q').op(slot);
    }

    PickleWriter binGet(int slot) {
        return op('h').op(slot);
    }

    PickleWriter setItems() {
        return op('u');
    }

    PickleWriter setItem() {
        return op('s');
    }

    PickleWriter newFalse() {
        return op(0x89);
    }

    PickleWriter stop() {
        return op('.');
    }

    /** An int tuple, e.g. a tensor size or stride. */
    PickleWriter intTuple(long... values) {
        mark();
        for (long v : values) {
            integer(v);
        }
        return tuple();
    }

    /**
     * {@code _rebuild_tensor_v2(('storage', torch.<storageClass>, key, 'cpu', numel), offset, size, stride,
     * False, OrderedDict())}, leaving the tensor on the stack.
     */
    PickleWriter tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2");
        mark();
        mark().str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).tuple();
        op('Q');
        integer(offset).intTuple(size).intTuple(stride).newFalse();
        global("collections", "OrderedDict").emptyTuple().reduce();
        tuple();
        return reduce();
    }

    private PickleWriter le(long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
