/**
 * Auditor pools and assignment, the four-eyes review, audit decisions and their records: the audit part of
 * publish-to-display. A video's pool is its category's auditor group (category module).
 */
@ApplicationModule(allowedDependencies = { "platform", "publish", "category" })
package io.clipflow.audit;

import org.springframework.modulith.ApplicationModule;
