-- One round trip decides what a request carrying an idempotency key may do.
-- KEYS[1] the key's hash; ARGV[1] caller, ARGV[2] request fingerprint, ARGV[3] in-flight lease (ms),
-- ARGV[4] how long a used key (and its stored response) is kept (ms).
-- Returns {'CLAIMED'} | {'RECLAIMED'} | {'DONE', status, contentType, location, body} | {'IN_FLIGHT'}
--       | {'MISMATCH'} | {'INVALID'}  (unknown, expired or someone else's key: indistinguishable on purpose)
local key = redis.call('HMGET', KEYS[1], 'owner', 'state', 'fingerprint', 'claimedAt')
local owner, state, fingerprint, claimedAt = key[1], key[2], key[3], key[4]
if not owner or owner ~= ARGV[1] then
  return {'INVALID'}
end
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
if state == 'NEW' then
  redis.call('HSET', KEYS[1], 'state', 'IN_FLIGHT', 'fingerprint', ARGV[2], 'claimedAt', now)
  -- from now on the key lives as long as its response must be replayable, not as long as the offer did
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return {'CLAIMED'}
end
if fingerprint ~= ARGV[2] then
  return {'MISMATCH'}
end
if state == 'DONE' then
  local stored = redis.call('HMGET', KEYS[1], 'status', 'contentType', 'location', 'body')
  return {'DONE', stored[1], stored[2] or '', stored[3] or '', stored[4] or ''}
end
-- IN_FLIGHT: the first request is still running, unless its lease ran out (its node died mid-way)
if tonumber(claimedAt) + tonumber(ARGV[3]) <= now then
  redis.call('HSET', KEYS[1], 'claimedAt', now)
  return {'RECLAIMED'}
end
return {'IN_FLIGHT'}
