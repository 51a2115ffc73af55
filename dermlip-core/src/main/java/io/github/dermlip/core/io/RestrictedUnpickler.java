package io.github.dermlip.core.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle decoder that understands only what {@code torch.save} writes for a state dict of tensors, and
 * never executes anything.
 *
 * <p>It builds plain Java values: {@code dict}/{@code OrderedDict} become {@link LinkedHashMap}, {@code list}
 * becomes {@link ArrayList}, {@code tuple} becomes {@link PyTuple}, {@code str} {@link String}, {@code int}
 * {@link Long} (or {@link BigInteger}), {@code float} {@link Double}, {@code bool} {@link Boolean},
 * {@code None} {@code null}; persistent ids become {@link TorchStorageRef} and
 * {@code _rebuild_tensor_v2} calls become {@link TorchTensorRef}. The only globals accepted are
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2},
 * {@code torch._utils._rebuild_parameter} and the typed storage classes {@code torch.FloatStorage} etc.;
 * any other global, and any opcode outside the supported set, is refused with its name and offset.
 *
 * <p>What it builds is bounded by an {@link UnpicklerBudget}: values pushed, container sizes, nesting depth,
 * memo slots and string bytes, so a small hostile pickle fails fast instead of exhausting the heap.
 */
final class RestrictedUnpickler {
    /** A Python tuple; its items may include {@code null} (None). */
    record PyTuple(List<Object> items) {
        PyTuple {
            items = Collections.unmodifiableList(items);
        }
    }

    /** A global this decoder accepts, resolved when the GLOBAL opcode is read. */
    private record Global(String qualifiedName, DType storageDtype) {}

    private static final String ORDERED_DICT = "collections.OrderedDict";
    private static final String REBUILD_TENSOR = "torch._utils._rebuild_tensor_v2";
    private static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";
    private static final int HIGHEST_PROTOCOL = 5;

    private final String source;
    private final byte[] data;
    private int pos;
    /** Offset of the opcode being executed, for error messages. */
    private int opAt;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private final Map<String, TorchStorageRef> storages = new HashMap<>();
    private final UnpicklerBudget budget;
    /** Nesting depth of each container built so far (an empty one is 1); scalars are absent and count as 0. */
    private final Map<Object, Integer> depths = new IdentityHashMap<>();
    private long pushed;
    private long stringBytes;

    private RestrictedUnpickler(String source, byte[] data, UnpicklerBudget budget) {
        this.source = source;
        this.data = data;
        this.budget = budget;
    }

    /**
     * Decodes one pickle.
     *
     * @param source names the file in error messages
     * @param budget what the pickle may build before it is refused
     * @return the pickled object (for a state dict, a {@link Map})
     */
    static Object load(String source, byte[] pickle, UnpicklerBudget budget) throws CheckpointFormatException {
        return new RestrictedUnpickler(source, pickle, budget).run();
    }

    private Object run() throws CheckpointFormatException {
        while (true) {
            opAt = pos;
            int op = u8();
            switch (op) {
                case 0x80: protocol(); break;                         // PROTO
                case 0x95: frame(); break;                            // FRAME
                case '.': return stop();                              // STOP
                case '}': pushContainer(new LinkedHashMap<Object, Object>()); break; // EMPTY_DICT
                case ']': pushContainer(new ArrayList<Object>()); break; // EMPTY_LIST
                case ')': pushContainer(new PyTuple(new ArrayList<>())); break; // EMPTY_TUPLE
                case '(': mark(); break;                              // MARK
                case 'X': push(utf8(length(4))); break;               // BINUNICODE
                case 0x8c: push(utf8(length(1))); break;              // SHORT_BINUNICODE
                case 0x8d: push(utf8(length(8))); break;              // BINUNICODE8
                case 'J': push(littleEndian(4, true)); break;         // BININT
                case 'K': push((long) u8()); break;                   // BININT1
                case 'M': push(littleEndian(2, false)); break;        // BININT2
                case 0x8a: push(long1()); break;                      // LONG1
                case 'G': push(Double.longBitsToDouble(bigEndianLong())); break; // BINFLOAT
                case 0x88: push(Boolean.TRUE); break;                 // NEWTRUE
                case 0x89: push(Boolean.FALSE); break;                // NEWFALSE
                case 'N': push(null); break;                          // NONE
                case 't': pushTuple(popToMark()); break;              // TUPLE
                case 0x85: tuple(1); break;                           // TUPLE1
                case 0x86: tuple(2); break;                           // TUPLE2
                case 0x87: tuple(3); break;                           // TUPLE3
                case 'q': memoPut(littleEndian(1, false)); break;     // BINPUT
                case 'r': memoPut(littleEndian(4, false)); break;     // LONG_BINPUT
                case 0x94: memoPut(memo.size()); break;               // MEMOIZE
                case 'h': push(memoGet(littleEndian(1, false))); break; // BINGET
                case 'j': push(memoGet(littleEndian(4, false))); break; // LONG_BINGET
                case 's': setItem(); break;                           // SETITEM
                case 'u': setItems(); break;                          // SETITEMS
                case 'a': append(); break;                            // APPEND
                case 'e': appends(); break;                           // APPENDS
                case 'c': push(resolve(line(), line())); break;       // GLOBAL
                case 0x93: stackGlobal(); break;                      // STACK_GLOBAL
                case 'R': reduce(); break;                            // REDUCE
                case 'b': build(); break;                             // BUILD
                case 'Q': push(persistentLoad(pop())); break;         // BINPERSID
                default:
                    throw error("unsupported pickle opcode 0x" + Integer.toHexString(op)
                            + (op >= 0x20 && op < 0x7f ? " '" + (char) op + "'" : "")
                            + " (only what torch.save writes for a state dict is accepted)");
            }
        }
    }

    private void protocol() throws CheckpointFormatException {
        int version = u8();
        if (version < 2 || version > HIGHEST_PROTOCOL) {
            throw error("unsupported pickle protocol " + version);
        }
    }

    private void frame() throws CheckpointFormatException {
        long length = littleEndian(8, false);
        if (length < 0 || length > data.length - pos) {
            throw error("FRAME of " + Long.toUnsignedString(length) + " bytes runs past the end of the pickle");
        }
    }

    private Object stop() throws CheckpointFormatException {
        if (!marks.isEmpty() || stack.size() != 1) {
            throw error("STOP with " + stack.size() + " objects and " + marks.size()
                    + " open marks on the stack; expected exactly one object");
        }
        return stack.get(0);
    }

    private void tuple(int n) throws CheckpointFormatException {
        if (stack.size() - currentMarkFloor() < n) {
            throw error("stack holds fewer than " + n + " objects for a tuple");
        }
        List<Object> top = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        pushTuple(items);
    }

    private void pushTuple(List<Object> items) throws CheckpointFormatException {
        PyTuple tuple = new PyTuple(items);
        requireItems("tuple", items.size());
        int depth = 1;
        for (Object item : items) {
            depth = Math.max(depth, 1 + depthOf(item));
        }
        requireDepth(depth);
        depths.put(tuple, depth);
        push(tuple);
    }

    private void setItem() throws CheckpointFormatException {
        Object value = pop();
        Object key = pop();
        putItem(dictOnTop("SETITEM"), key, value);
    }

    private void setItems() throws CheckpointFormatException {
        List<Object> items = popToMark();
        if (items.size() % 2 != 0) {
            throw error("SETITEMS with an odd number (" + items.size() + ") of keys and values");
        }
        Map<Object, Object> dict = dictOnTop("SETITEMS");
        requireItems("dict", 2L * dict.size() + items.size());
        for (int i = 0; i < items.size(); i += 2) {
            putItem(dict, items.get(i), items.get(i + 1));
        }
    }

    private void append() throws CheckpointFormatException {
        Object value = pop();
        List<Object> list = listOnTop("APPEND");
        requireItems("list", list.size() + 1L);
        nest(list, value);
        list.add(value);
    }

    private void appends() throws CheckpointFormatException {
        List<Object> items = popToMark();
        List<Object> list = listOnTop("APPENDS");
        requireItems("list", (long) list.size() + items.size());
        for (Object item : items) {
            nest(list, item);
        }
        list.addAll(items);
    }

    private void stackGlobal() throws CheckpointFormatException {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String) || !(name instanceof String)) {
            throw error("STACK_GLOBAL needs two strings, found " + typeName(module) + " and " + typeName(name));
        }
        push(resolve((String) module, (String) name));
    }

    private Global resolve(String module, String name) throws CheckpointFormatException {
        String qualified = module + "." + name;
        if (qualified.equals(ORDERED_DICT) || qualified.equals(REBUILD_TENSOR) || qualified.equals(REBUILD_PARAMETER)) {
            return new Global(qualified, null);
        }
        if (module.equals("torch")) {
            DType storage = DType.fromTorchStorageName(name).orElse(null);
            if (storage != null) {
                return new Global(qualified, storage);
            }
        }
        throw error("refusing pickle global " + qualified + " (only tensors and OrderedDicts may be unpickled)");
    }

    private void reduce() throws CheckpointFormatException {
        Object args = pop();
        Object callable = pop();
        if (!(callable instanceof Global)) {
            throw error("REDUCE on " + typeName(callable) + ", which is not a callable global");
        }
        if (!(args instanceof PyTuple)) {
            throw error("REDUCE arguments for " + ((Global) callable).qualifiedName() + " are a " + typeName(args)
                    + ", not a tuple");
        }
        List<Object> a = ((PyTuple) args).items();
        String name = ((Global) callable).qualifiedName();
        switch (name) {
            case ORDERED_DICT:
                if (!a.isEmpty()) {
                    throw error(ORDERED_DICT + " called with " + a.size() + " arguments; only OrderedDict() is accepted");
                }
                pushContainer(new LinkedHashMap<Object, Object>());
                break;
            case REBUILD_TENSOR:
                push(rebuildTensor(a));
                break;
            case REBUILD_PARAMETER:
                if (a.size() != 3 || !(a.get(0) instanceof TorchTensorRef)) {
                    throw error(REBUILD_PARAMETER + " expects (tensor, requires_grad, backward_hooks)");
                }
                push(a.get(0));
                break;
            default:
                throw error(name + " is a storage type and cannot be called");
        }
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private TorchTensorRef rebuildTensor(List<Object> a) throws CheckpointFormatException {
        if (a.size() != 6 && a.size() != 7) {
            throw error(REBUILD_TENSOR + " expects 6 or 7 arguments, found " + a.size());
        }
        if (!(a.get(0) instanceof TorchStorageRef)) {
            throw error(REBUILD_TENSOR + " argument 0 (storage) is a " + typeName(a.get(0)) + ", not a persistent storage");
        }
        TorchStorageRef storage = (TorchStorageRef) a.get(0);
        long offset = nonNegativeLong(a.get(1), "storage_offset");
        long[] size = longTuple(a.get(2), "size");
        long[] stride = longTuple(a.get(3), "stride");
        if (size.length != stride.length) {
            throw error(REBUILD_TENSOR + ": size " + Arrays.toString(size) + " and stride " + Arrays.toString(stride)
                    + " differ in rank");
        }
        if (!(a.get(4) instanceof Boolean)) {
            throw error(REBUILD_TENSOR + " argument 4 (requires_grad) is a " + typeName(a.get(4)) + ", not a bool");
        }
        String what = "tensor view of storage '" + storage.key() + "'";
        long numel = Limits.elementCount(source, what, size);
        int count = Limits.requireArrayLength(source, what, numel);
        long last = offset;
        if (count > 0) {
            for (int d = 0; d < size.length; d++) {
                last = Limits.add(source, what + " extent", last,
                        Limits.multiply(source, what + " extent", size[d] - 1, stride[d]));
            }
        }
        if ((count > 0 && last >= storage.numel()) || offset > storage.numel()) {
            throw error(what + " (offset " + offset + ", size " + Arrays.toString(size) + ", stride "
                    + Arrays.toString(stride) + ") reaches element " + last + " but the storage holds " + storage.numel());
        }
        return new TorchTensorRef(storage, offset, size, stride, count);
    }

    private void build() throws CheckpointFormatException {
        Object state = pop();
        Object target = peek();
        if (!(target instanceof Map) || !(state instanceof Map || state == null)) {
            throw error("BUILD of a " + typeName(target) + " with a " + typeName(state)
                    + " state; only an OrderedDict's attribute dict (e.g. _metadata) is accepted");
        }
    }

    /** {@code ('storage', torch.XStorage, key, location, numel)}. */
    private TorchStorageRef persistentLoad(Object pid) throws CheckpointFormatException {
        if (!(pid instanceof PyTuple) || ((PyTuple) pid).items().size() != 5) {
            throw error("persistent id is a " + typeName(pid) + ", not a 5-tuple ('storage', type, key, location, numel)");
        }
        List<Object> t = ((PyTuple) pid).items();
        if (!"storage".equals(t.get(0))) {
            throw error("persistent id kind is " + (t.get(0) instanceof String ? "'" + t.get(0) + "'" : typeName(t.get(0)))
                    + ", not 'storage'");
        }
        if (!(t.get(1) instanceof Global) || ((Global) t.get(1)).storageDtype() == null) {
            throw error("persistent id storage type is a " + typeName(t.get(1)) + ", not a torch storage class");
        }
        if (!(t.get(2) instanceof String) || !(t.get(3) instanceof String)) {
            throw error("persistent id key and location must be strings, found " + typeName(t.get(2)) + " and "
                    + typeName(t.get(3)));
        }
        DType dtype = ((Global) t.get(1)).storageDtype();
        String key = (String) t.get(2);
        long numel = nonNegativeLong(t.get(4), "storage numel");
        Limits.multiply(source, "storage '" + key + "' byte size", numel, dtype.byteSize());
        TorchStorageRef ref = new TorchStorageRef(key, dtype, numel);
        TorchStorageRef earlier = storages.putIfAbsent(key, ref);
        if (earlier != null && !earlier.equals(ref)) {
            throw error("storage '" + key + "' is declared as " + earlier.dtype() + "[" + earlier.numel() + "] and as "
                    + dtype + "[" + numel + "]");
        }
        return ref;
    }

    private long nonNegativeLong(Object v, String what) throws CheckpointFormatException {
        if (!(v instanceof Long) || (Long) v < 0) {
            throw error(what + " must be a non-negative int, found " + typeName(v) + (v instanceof Long ? " " + v : ""));
        }
        return (Long) v;
    }

    private long[] longTuple(Object v, String what) throws CheckpointFormatException {
        if (!(v instanceof PyTuple)) {
            throw error(REBUILD_TENSOR + " " + what + " is a " + typeName(v) + ", not a tuple");
        }
        List<Object> items = ((PyTuple) v).items();
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegativeLong(items.get(i), what + "[" + i + "]");
        }
        return out;
    }

    private void putItem(Map<Object, Object> dict, Object key, Object value) throws CheckpointFormatException {
        if (!(key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Double || key instanceof Boolean)) {
            throw error("dict key of type " + typeName(key) + " is not supported (only str, int, float, bool, None)");
        }
        requireItems("dict", 2L * dict.size() + 2);
        nest(dict, value);
        dict.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop(String op) throws CheckpointFormatException {
        Object top = peek();
        if (!(top instanceof Map)) {
            throw error(op + " on a " + typeName(top) + ", not a dict");
        }
        return (Map<Object, Object>) top;
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOnTop(String op) throws CheckpointFormatException {
        Object top = peek();
        if (!(top instanceof ArrayList)) {
            throw error(op + " on a " + typeName(top) + ", not a list");
        }
        return (List<Object>) top;
    }

    private Object memoGet(long key) throws CheckpointFormatException {
        if (!memo.containsKey(key)) {
            throw error("memo slot " + key + " is read before it is written");
        }
        return memo.get(key);
    }

    private void push(Object o) throws CheckpointFormatException {
        if (++pushed > budget.maxValues()) {
            throw overBudget("pushes more than " + budget.maxValues() + " values");
        }
        stack.add(o);
    }

    private void pushContainer(Object container) throws CheckpointFormatException {
        depths.put(container, 1);
        push(container);
    }

    private void mark() throws CheckpointFormatException {
        if (++pushed > budget.maxValues()) {
            throw overBudget("pushes more than " + budget.maxValues() + " values and marks");
        }
        marks.add(stack.size());
    }

    private void memoPut(long slot) throws CheckpointFormatException {
        Object value = peek();
        memo.put(slot, value);
        if (memo.size() > budget.maxMemoEntries()) {
            throw overBudget("writes more than " + budget.maxMemoEntries() + " memo slots");
        }
    }

    private int depthOf(Object value) {
        return value == null ? 0 : depths.getOrDefault(value, 0);
    }

    /** Records that {@code item} now lies inside {@code container}, which is at least one level deeper. */
    private void nest(Object container, Object item) throws CheckpointFormatException {
        int depth = Math.max(depthOf(container), 1 + depthOf(item));
        requireDepth(depth);
        depths.put(container, depth);
    }

    private void requireDepth(int depth) throws CheckpointFormatException {
        if (depth > budget.maxDepth()) {
            throw overBudget("nests containers more than " + budget.maxDepth() + " levels deep");
        }
    }

    private void requireItems(String kind, long items) throws CheckpointFormatException {
        if (items > budget.maxContainerItems()) {
            throw overBudget("builds a " + kind + " of more than " + budget.maxContainerItems() + " items");
        }
    }

    private CheckpointFormatException overBudget(String what) {
        return error("pickle " + what + ", more than an archive of its size can honestly hold (a pickle bomb?)");
    }

    private int currentMarkFloor() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    }

    private Object pop() throws CheckpointFormatException {
        if (stack.size() <= currentMarkFloor()) {
            throw error("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws CheckpointFormatException {
        if (stack.size() <= currentMarkFloor()) {
            throw error("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popToMark() throws CheckpointFormatException {
        if (marks.isEmpty()) {
            throw error("no MARK on the stack");
        }
        int floor = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(floor, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private int u8() throws CheckpointFormatException {
        require(1);
        return data[pos++] & 0xFF;
    }

    /** An unsigned (or, for 4 bytes, optionally signed) little-endian integer of {@code n} bytes. */
    private long littleEndian(int n, boolean signed) throws CheckpointFormatException {
        require(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += n;
        return signed && n == 4 ? (int) v : v;
    }

    private long bigEndianLong() throws CheckpointFormatException {
        require(Long.BYTES);
        long v = ByteBuffer.wrap(data, pos, Long.BYTES).getLong();
        pos += Long.BYTES;
        return v;
    }

    /** LONG1: a length byte, then that many bytes of two's-complement little-endian integer. */
    private Object long1() throws CheckpointFormatException {
        int n = u8();
        require(n);
        if (n == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[n];
        for (int i = 0; i < n; i++) {
            bigEndian[i] = data[pos + n - 1 - i];
        }
        pos += n;
        BigInteger v = new BigInteger(bigEndian);
        return v.bitLength() < Long.SIZE ? (Object) v.longValue() : v;
    }

    /** A length prefix of {@code n} bytes, checked against the bytes left. */
    private int length(int n) throws CheckpointFormatException {
        long len = littleEndian(n, false);
        if (len < 0 || len > data.length - pos) {
            throw error("string of " + Long.toUnsignedString(len) + " bytes runs past the end of the pickle ("
                    + (data.length - pos) + " bytes left)");
        }
        return (int) len;
    }

    private String utf8(int n) throws CheckpointFormatException {
        stringBytes += n;
        if (stringBytes > budget.maxStringBytes()) {
            throw overBudget("decodes more than " + budget.maxStringBytes() + " bytes of strings");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, pos, n));
            pos += n;
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw error("string is not valid UTF-8");
        }
    }

    /** A newline-terminated ASCII line (GLOBAL's module and name). */
    private String line() throws CheckpointFormatException {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw error("GLOBAL name is not terminated by a newline before the end of the pickle");
        }
        String s = new String(data, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        return s;
    }

    private void require(int n) throws CheckpointFormatException {
        if (n > data.length - pos) {
            throw error("pickle is truncated: needs " + n + " more bytes at offset " + pos + " but has "
                    + (data.length - pos));
        }
    }

    private CheckpointFormatException error(String detail) {
        return new CheckpointFormatException(source, "data.pkl offset " + opAt + ": " + detail);
    }

    /** The Python type name of a decoded value, for error messages (never prints the value, which may be cyclic). */
    static String typeName(Object v) {
        if (v == null) {
            return "None";
        } else if (v instanceof String) {
            return "str";
        } else if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        } else if (v instanceof Double) {
            return "float";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof Map) {
            return "dict";
        } else if (v instanceof List) {
            return "list";
        } else if (v instanceof PyTuple) {
            return "tuple";
        } else if (v instanceof Global) {
            return "global " + ((Global) v).qualifiedName();
        } else if (v instanceof TorchStorageRef) {
            return "storage";
        } else if (v instanceof TorchTensorRef) {
            return "tensor";
        }
        return v.getClass().getSimpleName();
    }
}
