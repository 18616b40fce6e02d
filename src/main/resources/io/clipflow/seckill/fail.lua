-- The attempt's order could not be created: PENDING -> FAILED with a reason, and its unit goes back on sale
-- (remaining + 1, the buyer may try again), atomically, at most once.
-- KEYS[1] attempt hash, KEYS[2] event hash, KEYS[3] event's buyers set, KEYS[4] event's held-attempts set.
-- ARGV[1] attempt id, ARGV[2] reason. Returns 1 if the unit was released.
local attempt = redis.call('HMGET', KEYS[1], 'status', 'buyer')
if attempt[1] ~= 'PENDING' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'FAILED', 'reason', ARGV[2])
if redis.call('SREM', KEYS[4], ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'remaining', 1)
  redis.call('SREM', KEYS[3], attempt[2])
end
return 1
