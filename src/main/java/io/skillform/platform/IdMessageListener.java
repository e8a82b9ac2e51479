package io.skillform.platform;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The shape of SkillForm's queue consumers: a message carries the id of a database row (an outbox mail, a stored
 * PSP event) whose work is done in the consumer's transaction. A failure is recorded on the row (in a transaction
 * of its own, so it survives the rollback) and rethrown, so the broker redelivers with back-off and finally
 * dead-letters the message.
 * <p>
 * {@code onMessage} must not be final: the container subclasses the bean, and a final method would run on that
 * proxy instead of the bean instance.
 */
public abstract class IdMessageListener implements MessageListener {

    @Override
    public void onMessage(Message message) {
        long id;
        try {
            id = message.getBody(Long.class);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable message on " + getClass().getSimpleName(), e);
        }
        try {
            handle(id);
        } catch (Exception e) {
            recordFailure(id, rootCause(e));
            throw new IllegalStateException(getClass().getSimpleName() + " failed on " + id + "; the broker will retry", e);
        }
    }

    protected abstract void handle(long id) throws Exception;

    protected abstract void recordFailure(long id, String error);

    /** The innermost cause: what went wrong, not the container's wrappers around it. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
