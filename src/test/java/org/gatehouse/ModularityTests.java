package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module structure: each top-level package a module, talking only through public APIs, without cycles. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(GatehouseApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void theArchitectureDocumentDescribesEveryModule() throws IOException {
        String document = Files.readString(Path.of("docs/architecture.md"));
        MODULES.forEach(module -> assertThat(document)
                .as("docs/architecture.md describes module %s", module.getIdentifier())
                .contains("| `" + module.getIdentifier() + "` |"));
    }
}
