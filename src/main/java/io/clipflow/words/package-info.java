/** The sensitive-word library and its matcher; others screen text through {@link io.clipflow.words.WordLibrary}. */
@ApplicationModule(allowedDependencies = "platform")
package io.clipflow.words;

import org.springframework.modulith.ApplicationModule;
