/**
 * The item catalogue and its stock: ops add items, anyone signed in reads them, and orders take and give back
 * stock through {@link io.clipflow.catalogue.Items}, only ever by a guarded statement.
 */
@ApplicationModule(allowedDependencies = "platform")
package io.clipflow.catalogue;

import org.springframework.modulith.ApplicationModule;
