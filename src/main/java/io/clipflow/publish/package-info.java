/**
 * Publishing videos, the word screen step and the feed; starts the publish-to-display process. The audit feature
 * reads and decides videos through {@link io.clipflow.publish.Videos} and shows their decisions through a
 * {@link io.clipflow.publish.DecisionHistory} bean. A video's category is checked against the category module.
 */
@ApplicationModule(allowedDependencies = { "platform", "words", "category" })
package io.clipflow.publish;

import org.springframework.modulith.ApplicationModule;
