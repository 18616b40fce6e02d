/**
 * The shared kernel: data sources and shard writes (with their redo log), security and the groups, problem details
 * (every code in {@link io.clipflow.platform.ProblemCode}, each operation's in
 * {@link io.clipflow.platform.ApiErrors}), Lua script loading, engine settings, demo users. Every feature may use its
 * public types; it uses none of theirs (features plug in through {@link io.clipflow.platform.ApiAccessRules} and
 * {@link io.clipflow.platform.ShardWriteHandler} beans).
 */
@ApplicationModule(allowedDependencies = {})
package io.clipflow.platform;

import org.springframework.modulith.ApplicationModule;
