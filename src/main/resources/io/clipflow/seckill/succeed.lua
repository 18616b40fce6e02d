-- The attempt's order exists: PENDING -> SUCCEEDED with the order number. A FAILED attempt stays FAILED.
-- KEYS[1] attempt hash; ARGV[1] order number. Returns 1 if marked.
if redis.call('HGET', KEYS[1], 'status') ~= 'PENDING' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'SUCCEEDED', 'orderNo', ARGV[1])
return 1
