package org.safegate.route;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Processes the files of one outbox on a few single-threaded lanes, so that one file's waits (disk
 * flushes, the audit log's group commit) overlap with another's work. A file's lane follows from
 * its folder and its name up to the first dot: two files whose delivered names could collide
 * ({@code a.csv} and a second {@code a.csv}, or {@code a.csv.2}) always share a lane and go in the
 * order the consumer found them, so choosing a free name never races. The exchange completes only
 * when its file is done, which keeps Camel from offering the same file again meanwhile.
 */
final class OutboxLanes extends AsyncProcessorSupport {
    private final Path outbox;
    /** The private folder the agency's files are taken into: a file there is the same file as at its place in the outbox. */
    private final Path taken;
    /** How long a lane's thread waits for another file before it ends (the next file starts a new one). */
    private static final long IDLE_LANE_SECONDS = 60;

    private final BiConsumer<Path, Path> work;
    private final String agency;
    private final ThreadPoolExecutor[] lanes;
    /** The places in the outbox of the files on the lanes, wherever they lie now. */
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
    /** Set while the route is being stopped: files not yet begun are left in the folder. */
    private volatile boolean retiring;

    /** {@code work} takes the outbox and one file of it (or of the private folder), and never throws. */
    OutboxLanes(String agency, Path outbox, Path taken, int count, BiConsumer<Path, Path> work) {
        if (count < 1) {
            throw new IllegalArgumentException("an outbox needs at least one lane, not " + count);
        }
        this.agency = agency;
        this.outbox = outbox;
        this.taken = taken;
        this.work = work;
        this.lanes = new ThreadPoolExecutor[count];
    }

    @Override
    protected void doStart() {
        for (int i = 0; i < lanes.length; i++) {
            String name = "outbox-" + agency + "-lane-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, IDLE_LANE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, name);
                        thread.setDaemon(true);
                        return thread;
                    });
            // an idle lane gives its thread back: a gateway of many agencies keeps threads only for busy outboxes
            lanes[i].allowCoreThreadTimeOut(true);
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        Path place = placeOf(file);
        if (!inFlight.add(place)) {
            // already on its lane: never two attempts at one file at once
            callback.done(true);
            return true;
        }
        lanes[laneOf(file)].execute(() -> {
            try {
                if (!retiring) {
                    work.accept(outbox, file);
                }
            } catch (RuntimeException | Error e) {
                exchange.setException(e);
            } finally {
                inFlight.remove(place);
                callback.done(false);
            }
        });
        return false;
    }

    /**
     * Puts a path the consumer does not offer (a link it must not follow) on its lane, unless it is
     * on one already or the lanes are retiring or stopped: it is found again at the next poll.
     */
    void offer(Path file) {
        ThreadPoolExecutor lane = lanes[laneOf(file)];
        Path place = placeOf(file);
        if (retiring || lane == null || lane.isShutdown() || !inFlight.add(place)) {
            return;
        }
        try {
            lane.execute(() -> {
                try {
                    work.accept(outbox, file);
                } finally {
                    inFlight.remove(place);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            inFlight.remove(place);
        }
    }

    /**
     * While retiring, a file not begun yet is left where it is (its exchange completes at once), so
     * a route being stopped waits only for the files in progress; the route that follows takes the
     * rest. Retiring is called off when the stop is.
     */
    void retire(boolean retiring) {
        this.retiring = retiring;
    }

    /** Waits until no file is on the lanes (retiring lanes empty their queues at once); false after the limit. */
    boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!inFlight.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            // a route stop is rare and may wait minutes: a short park is simpler than a signal per file
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for the lanes of " + agency + " to finish");
            }
        }
        return true;
    }

    /**
     * The file's place in the outbox, whether it still lies there or was taken into the private
     * folder: one place is never on two lanes at once, nor twice on one.
     */
    Path placeOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path privateFolder = taken.toAbsolutePath().normalize();
        return absolute.startsWith(privateFolder) ? privateFolder.relativize(absolute)
                : outbox.toAbsolutePath().normalize().relativize(absolute);
    }

    int laneOf(Path file) {
        Path relative = placeOf(file);
        String name = relative.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = relative.getParent();
        String key = (folder == null ? "" : folder.toString()) + "/" + stem;
        return Math.floorMod(key.hashCode(), lanes.length);
    }

    /**
     * Lets each lane finish the file it is working on, and drops the files still queued (Camel has
     * stopped waiting for them): they stay in the outbox and are taken when the gateway next runs.
     */
    @Override
    protected void doStop() throws Exception {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
            lane.getQueue().clear();
        }
        for (ThreadPoolExecutor lane : lanes) {
            lane.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
