package org.gatehouse.policy;

/** One ladder evaluated for an application: the measure's key, its total before and after, and the band reached. */
public record Tally(Policy.Ladder ladder, MeasureKey key, long beforeTpp, long afterTpp, Policy.Band band) {}
