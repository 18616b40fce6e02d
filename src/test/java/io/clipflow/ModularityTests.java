package io.clipflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module: its public types are its face, the rest is package-private, and its
 * {@code package-info.java} names the modules it may use. A new dependency that no module declares, a cycle, or
 * a reach into another module's internals fails here.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(ClipflowApplication.class);

    @Test
    void verifiesModules() {
        modules.verify();
    }
}
