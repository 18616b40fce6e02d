/** Orders: idempotent submission, payment correlation, the unpaid timeout. Seckill places its orders here. */
@ApplicationModule(allowedDependencies = { "platform", "idempotency", "catalogue" })
package io.clipflow.order;

import org.springframework.modulith.ApplicationModule;
