-- Gives a claimed key back (the request failed before it changed anything): usable again until it expires.
-- KEYS[1] the key's hash; ARGV[1] fingerprint. Returns 1 if released.
local key = redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'expiresAt')
if key[1] ~= 'IN_FLIGHT' or key[2] ~= ARGV[1] then
  return 0
end
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
if tonumber(key[3]) <= now then
  redis.call('DEL', KEYS[1])
  return 1
end
redis.call('HSET', KEYS[1], 'state', 'NEW')
redis.call('HDEL', KEYS[1], 'fingerprint', 'claimedAt')
redis.call('PEXPIREAT', KEYS[1], key[3])
return 1
