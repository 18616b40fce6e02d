/**
 * Publishing videos, the word screen step and the feed; starts the publish-to-display process. The audit feature
 * reads and decides videos through {@link io.clipflow.publish.Videos}.
 */
@ApplicationModule(allowedDependencies = { "platform", "words" })
package io.clipflow.publish;

import org.springframework.modulith.ApplicationModule;
