package org.gatehouse.screening.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * At the start of the server, before it takes requests: imports the bundled list snapshot if no list was ever
 * imported (so a fresh install screens against something, labelled as a 2021 snapshot; an administrator imports current
 * lists over it), and builds the matcher, so the first submission does not wait for it. Only for the web server: the
 * CLI's commands on the server's database import nothing by themselves.
 */
@Component
@ConditionalOnWebApplication
class BundledListsAtStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BundledListsAtStart.class);

    private final ScreeningService screening;
    private final Screeners screeners;
    private final ScreeningProperties properties;

    BundledListsAtStart(ScreeningService screening, Screeners screeners, ScreeningProperties properties) {
        this.screening = screening;
        this.screeners = screeners;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.importBundled() && screening.importBundledIfEmpty()) {
            log.warn("No screening list was imported yet: imported the bundled 2021 snapshot. Import current lists"
                    + " with `gatehouse lists import` or POST /api/v1/screening/lists.");
        }
        screeners.lists();
    }
}
