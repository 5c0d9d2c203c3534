package org.gatehouse.identity;

/** The reviewing agencies to which the licensing officer refers cases (EO 12981). */
public enum Agency {
    STATE,
    DEFENSE,
    ENERGY
}
