/** Orders: idempotent submission, payment correlation, the unpaid timeout. Seckill places its orders here. */
@ApplicationModule(allowedDependencies = "platform")
package io.clipflow.order;

import org.springframework.modulith.ApplicationModule;
