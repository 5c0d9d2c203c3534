package org.gatehouse.screening;

import java.util.List;

/**
 * New list versions were imported (one import) and are active: open cases, granted pre-approvals and licensed applications are to be
 * screened again against it. Published in the import's transaction, through the event publication registry, so that
 * a crash before the re-screening finishes does not lose it.
 */
public record ListVersionImported(List<Long> versionIds) {

    public ListVersionImported {
        versionIds = List.copyOf(versionIds);
    }
}
