package io.skillform.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something asynchronous (a message-driven bean, a webhook) to become visible. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until the supplier returns a value, or gives up after the timeout with an empty result. */
    public static <T> Optional<T> within(Duration timeout, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent() || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(50);
        }
    }
}
