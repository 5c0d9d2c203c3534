package org.gatehouse.demo;

/**
 * The port through which the demo world sees whether the reactions to the events published so far have finished
 * (Spring Modulith's event publication registry, V005), so it moves its clock on only when they have.
 */
public interface PendingReactions {

    /** How many event publications have not completed. */
    long incomplete();
}
