package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** torch.save-layout checkpoints assembled by hand decode to the values their bytes and views describe. */
class TorchCheckpointReaderTest {
    private static final long[] NONE = {};

    @TempDir
    Path tmp;

    private StateDict read(byte[] zip) throws IOException {
        Path p = tmp.resolve("model.pt");
        Files.write(p, zip);
        return StateDict.read(p);
    }

    @Test
    void stridedViewsOffsetsSharedStoragesAndScalars() throws IOException {
        // Storage '0' holds 0..11; several tensors are views of it.
        float[] s0 = new float[12];
        for (int i = 0; i < 12; i++) {
            s0[i] = i;
        }
        byte[] pickle = new PickleWriter().proto(2).emptyDict().binPut(0).mark()
                .str("full").tensor("FloatStorage", "0", 12, 0, new long[] {3, 4}, new long[] {4, 1})
                .str("transposed").tensor("FloatStorage", "0", 12, 0, new long[] {4, 3}, new long[] {1, 4})
                .str("row2").tensor("FloatStorage", "0", 12, 8, new long[] {4}, new long[] {1})
                .str("everyOther").tensor("FloatStorage", "0", 12, 1, new long[] {2, 3}, new long[] {6, 2})
                .str("scalar").tensor("FloatStorage", "0", 12, 5, NONE, NONE)
                .str("broadcast").tensor("FloatStorage", "0", 12, 3, new long[] {2, 2}, new long[] {0, 1})
                .str("empty").tensor("FloatStorage", "0", 12, 0, new long[] {0, 5}, new long[] {5, 1})
                .setItems().stop().toByteArray();
        StateDict sd = read(TorchZip.checkpoint(pickle, Map.of("0", TorchZip.f32(s0))));

        assertEquals(List.of("full", "transposed", "row2", "everyOther", "scalar", "broadcast", "empty"), List.copyOf(sd.names()));
        assertArrayEquals(s0, sd.get("full").floats());
        assertArrayEquals(new long[] {3, 4}, sd.get("full").shape());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, sd.get("transposed").floats());
        assertArrayEquals(new float[] {8, 9, 10, 11}, sd.get("row2").floats());
        assertArrayEquals(new float[] {1, 3, 5, 7, 9, 11}, sd.get("everyOther").floats());
        assertArrayEquals(new float[] {5}, sd.get("scalar").floats());
        assertEquals(0, sd.get("scalar").rank());
        assertArrayEquals(new float[] {3, 4, 3, 4}, sd.get("broadcast").floats());
        assertArrayEquals(new long[] {0, 5}, sd.get("empty").shape());
        assertEquals(0, sd.get("empty").numel());
    }

    @Test
    void everyStorageType() throws IOException {
        ByteBuffer half = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3C00).putShort((short) 0x0001);
        ByteBuffer bf16 = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xC049);
        ByteBuffer f64 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(-2.5);
        ByteBuffer i32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-5).putInt(1 << 30);
        ByteBuffer i16 = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -2);
        byte[] pickle = new PickleWriter().proto(2).emptyDict().mark()
                .str("half").tensor("HalfStorage", "h", 2, 0, new long[] {2}, new long[] {1})
                .str("bf16").tensor("BFloat16Storage", "b", 1, 0, NONE, NONE)
                .str("double").tensor("DoubleStorage", "d", 1, 0, new long[] {1}, new long[] {1})
                .str("long").tensor("LongStorage", "l", 2, 0, new long[] {2}, new long[] {1})
                .str("int").tensor("IntStorage", "i", 2, 0, new long[] {2}, new long[] {1})
                .str("short").tensor("ShortStorage", "s", 1, 0, new long[] {1}, new long[] {1})
                .str("char").tensor("CharStorage", "c", 2, 0, new long[] {2}, new long[] {1})
                .str("byte").tensor("ByteStorage", "u", 2, 0, new long[] {2}, new long[] {1})
                .str("bool").tensor("BoolStorage", "o", 3, 0, new long[] {3}, new long[] {1})
                .setItems().stop().toByteArray();
        StateDict sd = read(TorchZip.checkpoint(pickle, Map.of(
                "h", half.array(), "b", bf16.array(), "d", f64.array(), "l", TorchZip.i64(-1, Long.MAX_VALUE),
                "i", i32.array(), "s", i16.array(), "c", new byte[] {-1, 100}, "u", new byte[] {-1, 100},
                "o", new byte[] {1, 0, 1})));
        assertEquals(DType.F16, sd.get("half").dtype());
        assertArrayEquals(new float[] {1.0f, 0x1p-24f}, sd.get("half").floats());
        assertArrayEquals(new float[] {-3.140625f}, sd.get("bf16").floats());
        assertEquals(DType.F64, sd.get("double").dtype());
        assertArrayEquals(new float[] {-2.5f}, sd.get("double").floats());
        assertArrayEquals(new long[] {-1, Long.MAX_VALUE}, sd.get("long").longs());
        assertArrayEquals(new long[] {-5, 1 << 30}, sd.get("int").longs());
        assertArrayEquals(new long[] {-2}, sd.get("short").longs());
        assertEquals(DType.I8, sd.get("char").dtype());
        assertArrayEquals(new long[] {-1, 100}, sd.get("char").longs());
        assertArrayEquals(new long[] {255, 100}, sd.get("byte").longs());
        assertEquals(DType.BOOL, sd.get("bool").dtype());
        assertArrayEquals(new long[] {1, 0, 1}, sd.get("bool").longs());
    }

    @Test
    void trainingCheckpointYieldsItsStateDictAndSkipsOptimizerStorages() throws IOException {
        PickleWriter p = new PickleWriter().proto(2).emptyDict().binPut(0).mark();
        p.str("epoch").integer(3);
        p.str("name").str("run-1");
        p.str("state_dict");
        // OrderedDict with the _metadata attribute restored through BUILD, as model.state_dict() pickles.
        p.global("collections", "OrderedDict").emptyTuple().reduce().binPut(1).mark()
                .str("module.visual.proj").tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1})
                .setItems();
        p.emptyDict().str("_metadata").global("collections", "OrderedDict").emptyTuple().reduce()
                .str("").emptyDict().str("version").integer(1).setItem().setItem().setItem().op('b');
        p.str("optimizer").emptyDict().mark()
                .str("state").emptyDict().integer(0).emptyDict()
                .str("exp_avg").tensor("FloatStorage", "9", 2, 0, new long[] {2}, new long[] {1}).setItem()
                .setItem()
                .str("param_groups").emptyList().mark().emptyDict().mark()
                .str("lr").binFloat(5e-4).str("betas").binFloat(0.9).binFloat(0.98).tuple2()
                .str("eps").binFloat(1e-6).str("amsgrad").newFalse().str("foreach").op('N')
                .str("capturable").op(0x88).str("params").emptyList().mark().integer(0).integer(70000).op('e')
                .str("step").op('J').bytes(0xFF, 0xFF, 0xFF, 0xFF)
                .str("big").op(0x8a).bytes(9, 1, 0, 0, 0, 0, 0, 0, 0, 0x80)
                .setItems().op('e')
                .setItems();
        p.str("scaler").op('N');
        byte[] pickle = p.setItems().stop().toByteArray();
        // Storage '9' (optimizer state) is deliberately absent: only the returned tensors' storages are read.
        StateDict sd = read(TorchZip.checkpoint(pickle, Map.of("0", TorchZip.f32(1.5f, -2f))));
        assertEquals(List.of("module.visual.proj"), List.copyOf(sd.names()));
        assertArrayEquals(new float[] {1.5f, -2f}, sd.get("module.visual.proj").floats());
    }

    @Test
    void protocolFourOpcodesAndParameters() throws IOException {
        // FRAME, SHORT_BINUNICODE, BINUNICODE8, MEMOIZE, STACK_GLOBAL, TUPLE1/TUPLE3, LONG_BINPUT/LONG_BINGET,
        // a cuda location and torch._utils._rebuild_parameter around _rebuild_tensor_v2.
        PickleWriter p = new PickleWriter().proto(4).op(0x95).raw(new byte[8]);
        p.emptyDict().op(0x94).mark();
        p.shortStr("w").op(0x94);
        p.shortStr("torch._utils").shortStr("_rebuild_parameter").op(0x93).op(0x94);
        p.shortStr("torch._utils").shortStr("_rebuild_tensor_v2").op(0x93).op(0x94);
        p.mark();
        p.mark().shortStr("storage").shortStr("torch").shortStr("FloatStorage").op(0x93).shortStr("k").shortStr("cuda:0")
                .integer(4).tuple().op('Q');
        p.integer(1).integer(3).op(0x85).integer(1).op(0x85).newFalse()
                .shortStr("collections").shortStr("OrderedDict").op(0x93).emptyTuple().reduce();
        p.tuple().reduce();
        p.op(0x88).shortStr("collections").shortStr("OrderedDict").op(0x93).emptyTuple().reduce().op(0x87).reduce();
        p.op('r').bytes(0x20, 0, 0, 0);
        p.op(0x8d).bytes(1, 0, 0, 0, 0, 0, 0, 0).bytes('v').op('j').bytes(0x20, 0, 0, 0);
        byte[] pickle = p.setItems().stop().toByteArray();
        StateDict sd = read(TorchZip.checkpoint(pickle, Map.of("k", TorchZip.f32(10, 20, 30, 40))));
        assertEquals(List.of("w", "v"), List.copyOf(sd.names()));
        assertArrayEquals(new float[] {20, 30, 40}, sd.get("w").floats());
        assertArrayEquals(new float[] {20, 30, 40}, sd.get("v").floats());
    }

    @Test
    void bigEndianStorages() throws IOException {
        byte[] pickle = TorchZip.singleTensorPickle("w", 2, 0, new long[] {2}, new long[] {1});
        byte[] be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.25f).putFloat(-7f).array();
        byte[] zip = new ZipBytes().stored("archive/data.pkl", pickle).stored("archive/byteorder", "big".getBytes(StandardCharsets.US_ASCII))
                .stored("archive/data/0", be).toByteArray();
        assertArrayEquals(new float[] {1.25f, -7f}, read(zip).get("w").floats());
    }

    @Test
    void deflatedStorageEntries() throws IOException {
        byte[] pickle = TorchZip.singleTensorPickle("w", 3, 0, new long[] {3}, new long[] {1});
        byte[] zip = new ZipBytes().deflated("archive/data.pkl", pickle)
                .deflated("archive/data/0", TorchZip.f32(1, 2, 3)).toByteArray();
        assertArrayEquals(new float[] {1, 2, 3}, read(zip).get("w").floats());
    }

    @Test
    void twoTensorsCoveringOneWholeStorageBothGetItsValues() throws IOException {
        byte[] pickle = new PickleWriter().proto(2).emptyDict().mark()
                .str("a").tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1})
                .str("b").tensor("FloatStorage", "0", 2, 0, new long[] {2}, new long[] {1})
                .setItems().stop().toByteArray();
        StateDict sd = read(TorchZip.checkpoint(pickle, Map.of("0", TorchZip.f32(4, 5))));
        assertArrayEquals(new float[] {4, 5}, sd.get("a").floats());
        assertArrayEquals(new float[] {4, 5}, sd.get("b").floats());
    }
}
