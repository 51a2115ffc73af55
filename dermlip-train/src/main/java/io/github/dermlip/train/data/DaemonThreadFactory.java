package io.github.dermlip.train.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates named daemon threads and remembers them, so their owner can wait until all have ended. */
final class DaemonThreadFactory implements ThreadFactory {
    private final String namePrefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Thread> created = new ArrayList<>();

    DaemonThreadFactory(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    @Override
    public synchronized Thread newThread(Runnable task) {
        Thread thread = new Thread(task, namePrefix + counter.incrementAndGet());
        thread.setDaemon(true);
        created.removeIf(t -> t.getState() == Thread.State.TERMINATED);
        created.add(thread);
        return thread;
    }

    /** Waits until every thread created so far has ended; keeps the caller's interrupt flag. */
    void joinAll() {
        List<Thread> threads;
        synchronized (this) {
            threads = new ArrayList<>(created);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
