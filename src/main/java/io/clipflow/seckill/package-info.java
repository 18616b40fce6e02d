/** Flash sales: events, the Redis accept path, the asynchronous order step, reconciliation. */
@ApplicationModule(allowedDependencies = { "platform", "idempotency", "catalogue", "order" })
package io.clipflow.seckill;

import org.springframework.modulith.ApplicationModule;
