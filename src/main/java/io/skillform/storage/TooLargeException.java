package io.skillform.storage;

import java.io.IOException;

/** An upload went past its size limit; nothing of it is kept. */
public class TooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public TooLargeException(long limit) {
        super("Larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
