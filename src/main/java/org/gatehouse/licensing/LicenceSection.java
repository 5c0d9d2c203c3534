package org.gatehouse.licensing;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;

/**
 * A part of the licence page contributed by a module that the licensing module does not know — revenue share's
 * statement and forms — because that module depends on licensing, not the other way round. Its {@code web/} declares
 * the section as a bean ({@code @Order} sets its place); the licence page shows those that have something for the
 * caller. A section reads through its module's services, which authorize as always.
 */
public interface LicenceSection {

    /** What to show {@code caller} on the page of {@code licence}, or empty. */
    Optional<Shown> shownOn(CurrentUser caller, Licence licence);

    /**
     * A rendered section: the Thymeleaf template holding a fragment {@code section(data)} and that fragment's data.
     *
     * @param template e.g. {@code revenueshare/licence}
     */
    record Shown(String template, Map<String, Object> data) {

        public Shown {
            Objects.requireNonNull(template, "template");
            data = Map.copyOf(data);
        }
    }
}
