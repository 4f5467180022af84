package vn.binhyen.zalo.internal;

import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

/**
 * While the webhook intake is busy the event lanes take turns: one works at a time, so event processing never holds
 * both cores of a small machine at once and a webhook always finds one to be answered on. Otherwise they work side by
 * side. Fair, so no lane waits out a burst behind the others.
 */
class LaneTurns {

    private final Semaphore turn = new Semaphore(1, true);

    /** Runs a lane's batch, in turn with the other lanes when {@code busy}; returns what the batch returns. */
    int work(boolean busy, IntSupplier batch) throws InterruptedException {
        if (!busy) {
            return batch.getAsInt();
        }
        turn.acquire();
        try {
            return batch.getAsInt();
        } finally {
            turn.release();
        }
    }
}
