/** Auditor assignment, audit decisions and their records: the audit part of publish-to-display. */
@ApplicationModule(allowedDependencies = { "platform", "publish" })
package io.clipflow.audit;

import org.springframework.modulith.ApplicationModule;
