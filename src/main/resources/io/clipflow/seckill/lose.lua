-- The attempt is marked SUCCEEDED but the database has no order for it (the node died and the order's commit was
-- lost): the database is the truth, so nothing was sold. SUCCEEDED -> FAILED with a reason, and its unit and the
-- buyer's slot go back on sale, atomically, at most once. Only if the attempt still names the order the caller
-- looked for: an attempt that changed meanwhile is left alone.
-- KEYS[1] attempt hash, KEYS[2] event hash, KEYS[3] event's buyers set, KEYS[4] event's held-attempts set.
-- ARGV[1] attempt id, ARGV[2] the order number the attempt names, ARGV[3] reason. Returns 1 if it was failed.
local attempt = redis.call('HMGET', KEYS[1], 'status', 'buyer', 'orderNo')
if attempt[1] ~= 'SUCCEEDED' or attempt[3] ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'FAILED', 'reason', ARGV[3])
redis.call('HDEL', KEYS[1], 'orderNo')
if redis.call('SREM', KEYS[4], ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'remaining', 1)
  redis.call('SREM', KEYS[3], attempt[2])
end
return 1
