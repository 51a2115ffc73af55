package io.github.dermlip.core.io;

/**
 * How much a pickle may build, derived from the size of the archive it came in, so that a small file cannot
 * make the unpickler allocate without limit (a few kilobytes of deflated {@code data.pkl} can inflate to
 * millions of opcodes).
 *
 * <p>Every value pushed (an object built, a memo reference, a MARK) costs at least one opcode byte, so a pickle
 * stored in a zip of {@code n} bytes, as {@code torch.save} writes it, never pushes more than {@code n} values; one
 * that was deflated after all gets {@value #DEFLATED_SLACK} times that, more than pickle text compresses. A state
 * dict's pickle is in practice a tiny fraction of its archive, which is dominated by tensor data. The same bound
 * caps the items of one container, the memo, and the bytes of all strings together. Nesting is capped at a fixed
 * depth far beyond the handful of levels {@code torch.save} writes.
 *
 * @param maxValues values pushed on the stack in all (objects built, memo references and marks)
 * @param maxContainerItems items in one list, tuple or dict (a dict counts keys and values)
 * @param maxDepth containers nested inside each other
 * @param maxMemoEntries memo slots written
 * @param maxStringBytes UTF-8 bytes of all strings decoded together
 */
record UnpicklerBudget(long maxValues, long maxContainerItems, int maxDepth, long maxMemoEntries, long maxStringBytes) {
    /** Enough for any small test pickle, whatever the archive's size. */
    private static final long FLOOR = 4096;
    /** A state dict of even 100,000 tensors pushes a few million values; more than this is not a state dict. */
    private static final long CEILING = 1L << 22;
    /** How much better than 1:1 a re-zipped (deflated) honest pickle may have compressed. */
    static final long DEFLATED_SLACK = 8;
    /** {@code torch.save} nests a state dict about five levels deep. */
    static final int MAX_DEPTH = 64;

    /** The budget for a pickle read from an archive of {@code archiveBytes} bytes. */
    static UnpicklerBudget forArchive(long archiveBytes) {
        long bytes = Math.max(FLOOR, DEFLATED_SLACK * archiveBytes);
        long values = Math.min(CEILING, bytes);
        return new UnpicklerBudget(values, values, MAX_DEPTH, values, bytes);
    }
}
