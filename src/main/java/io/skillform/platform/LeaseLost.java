package io.skillform.platform;

import jakarta.ejb.ApplicationException;

/**
 * The job's lease is no longer this node's: it lapsed, and another node may have taken it. The job stops and what it was
 * writing rolls back. An application exception, so it reaches the job unwrapped from the EJB that found it.
 */
@ApplicationException(rollback = true)
public class LeaseLost extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LeaseLost(Lease lease) {
        super("The " + lease + " was lost: another node may be running the job");
    }
}
