-- Stores the response of the request that claimed the key, for replays.
-- KEYS[1] the key's hash; ARGV[1] fingerprint, ARGV[2] status, ARGV[3] content type, ARGV[4] location,
-- ARGV[5] body, ARGV[6] how long to keep it (ms). Returns 1 if stored, 0 if the key was not in flight.
local key = redis.call('HMGET', KEYS[1], 'state', 'fingerprint')
if key[1] ~= 'IN_FLIGHT' or key[2] ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'DONE', 'status', ARGV[2], 'contentType', ARGV[3], 'location', ARGV[4],
  'body', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1
