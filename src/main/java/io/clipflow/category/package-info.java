/**
 * Video categories and the auditor pool (a Camunda group) each is audited by, with whether its videos need two
 * auditors. Publishing checks a video's category here; the audit feature chooses its pool and sets the pool's group
 * up in the engine when told a category was saved ({@link io.clipflow.category.CategorySaved}).
 */
@ApplicationModule(allowedDependencies = "platform")
package io.clipflow.category;

import org.springframework.modulith.ApplicationModule;
