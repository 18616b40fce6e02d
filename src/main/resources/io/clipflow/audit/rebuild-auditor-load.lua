-- Restores the load from counts taken in the engine, unless another node restored it first.
-- KEYS[1]: hash auditor -> open audit tasks; ARGV: auditor, count, auditor, count, ...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
