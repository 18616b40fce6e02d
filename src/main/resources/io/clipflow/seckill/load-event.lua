-- Puts a new event's stock and window into Redis, where the accept path reads them.
-- KEYS[1] event hash; ARGV[1] item id, ARGV[2] stock, ARGV[3] startsAt (epoch ms), ARGV[4] endsAt (epoch ms).
-- Returns 1 if loaded, 0 if the event was loaded before (its counters are left alone).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'itemId', ARGV[1], 'stock', ARGV[2], 'remaining', ARGV[2], 'startsAt', ARGV[3],
  'endsAt', ARGV[4])
return 1
