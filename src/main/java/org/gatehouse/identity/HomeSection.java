package org.gatehouse.identity;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of a person's home page, contributed by the module that owns its data: what needs that person's attention
 * first. Each module's {@code web/} declares its sections as beans ({@code @Order} sets their place); the home page
 * shows those that have something for the caller. A section reads through its module's services, which authorize as
 * always; a section that has nothing for a role returns empty rather than a placeholder.
 */
public interface HomeSection {

    /** What to show {@code caller}, or empty when this section has nothing for them. */
    Optional<Shown> shownTo(CurrentUser caller);

    /**
     * A rendered section: the Thymeleaf template holding a fragment {@code section(data)} and that fragment's data.
     *
     * @param template e.g. {@code applications/home}
     */
    record Shown(String template, Map<String, Object> data) {

        public Shown {
            Objects.requireNonNull(template, "template");
            data = Map.copyOf(data);
        }
    }
}
