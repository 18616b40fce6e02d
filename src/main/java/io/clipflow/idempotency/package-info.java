/**
 * One-time idempotency keys: issuing them, running a request at most once per key
 * ({@link io.clipflow.idempotency.IdempotentRequests}), the answers about a key
 * ({@link io.clipflow.idempotency.KeyRefusal}), and spending a key inside another feature's Lua script
 * ({@link io.clipflow.idempotency.KeySpendingScripts}).
 * The keys' Redis layout and scripts are this module's alone.
 */
@ApplicationModule(allowedDependencies = "platform")
package io.clipflow.idempotency;

import org.springframework.modulith.ApplicationModule;
