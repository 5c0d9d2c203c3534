package org.gatehouse.cases;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gatehouse.identity.CurrentUser;

/**
 * A part of the case page contributed by a module that the cases module does not know — screening's hits and possible
 * second spellings of registered companies — because that module depends on cases, not the other way round. Its
 * {@code web/} declares the section as a bean ({@code @Order} sets its place); the case page shows those that have
 * something for the caller. A section reads through its module's services, which authorize as always: a reader they
 * refuse gets an empty section, not an error.
 */
public interface CaseSection {

    /** What to show {@code caller} on the page of {@code review}, or empty. */
    Optional<Shown> shownOn(CurrentUser caller, Case review);

    /**
     * A rendered section: the Thymeleaf template holding a fragment {@code section(data)} and that fragment's data.
     *
     * @param template e.g. {@code screening/case}
     */
    record Shown(String template, Map<String, Object> data) {

        public Shown {
            Objects.requireNonNull(template, "template");
            data = Map.copyOf(data);
        }
    }
}
