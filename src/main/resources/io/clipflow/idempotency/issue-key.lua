-- Issues a one-time idempotency key bound to its owner.
-- KEYS[1] the key's hash; ARGV[1] owner (user id), ARGV[2] time to live in ms. Returns expiresAt (epoch ms).
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
local expiresAt = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'state', 'NEW', 'expiresAt', expiresAt)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return expiresAt
