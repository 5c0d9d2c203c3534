package org.gatehouse.licensing;

/** A line of a shipment report or a post-shipment notification: an item and how many units of it were shipped. */
public interface Reported {

    String item();

    long quantity();
}
