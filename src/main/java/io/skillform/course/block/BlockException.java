package io.skillform.course.block;

import jakarta.ejb.ApplicationException;

/** A block's content was refused; the message is for the creator and names what to change. Nothing is stored. */
@ApplicationException(rollback = true)
public class BlockException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BlockException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The content field the message is about. */
    public String field() {
        return field;
    }
}
