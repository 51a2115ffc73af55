package io.github.dermlip.bench;

/**
 * Keeps one core busy while it is open: a daemon thread of this JVM spinning on arithmetic, i.e. another
 * process from the point of view of a forked benchmark JVM or the Python peer. It stands for the rest of a
 * shared machine in the contention rows.
 */
final class BusyCore implements AutoCloseable {
    private final Thread spinner;
    private volatile boolean running = true;
    private volatile long sink;

    BusyCore() {
        spinner = new Thread(this::spin, "busy-core");
        spinner.setDaemon(true);
        spinner.start();
    }

    private void spin() {
        long x = 1;
        while (running) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        spinner.join();
    }
}
