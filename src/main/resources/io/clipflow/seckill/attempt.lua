-- The whole seckill accept path in ONE atomic step: spend the buyer's one-time token, check the sale's window,
-- the buyer's earlier unit and the stock, take one unit and queue the attempt for the order process. The token is
-- checked and spent by the idempotency module's functions (idempotency_key, put ahead of this script by
-- KeySpendingScripts), which keep, as this sale's answer for replays, the outcome and the attempt id.
-- KEYS[1] the token's key, KEYS[2] event hash, KEYS[3] event's buyers set, KEYS[4] event's held-attempts set,
-- KEYS[5] attempt hash, KEYS[6] attempt stream.
-- ARGV[1] caller, ARGV[2] request fingerprint, ARGV[3] new attempt id, ARGV[4] how long a spent token is kept
-- for replays (ms), ARGV[5] how long an attempt is kept (ms), ARGV[6] event id.
-- Returns {outcome, attemptId}: ACCEPTED | NOT_OPEN | CLOSED | ALREADY_PURCHASED | SOLD_OUT | UNKNOWN_EVENT,
-- {'REPLAY', outcome, attemptId} for a token spent on this same request before, or {'MISMATCH'} | {'INVALID'}.
local token = idempotency_key.check(KEYS[1], ARGV[1], ARGV[2], {'seckillOutcome', 'attemptId'})
if token[1] ~= 'NEW' then
  return token
end

local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)

local function spend(outcome, attemptId)
  idempotency_key.spend(KEYS[1], ARGV[2], now, ARGV[4], {'seckillOutcome', outcome, 'attemptId', attemptId})
  return {outcome, attemptId}
end

local event = redis.call('HMGET', KEYS[2], 'remaining', 'startsAt', 'endsAt', 'itemId')
if not event[1] then
  return spend('UNKNOWN_EVENT', '')
end
if now < tonumber(event[2]) then
  return spend('NOT_OPEN', '')
end
if now >= tonumber(event[3]) then
  return spend('CLOSED', '')
end
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then
  return spend('ALREADY_PURCHASED', '')
end
-- check before taking: the counter never goes below zero, not even for a moment
if tonumber(event[1]) <= 0 then
  return spend('SOLD_OUT', '')
end

redis.call('HINCRBY', KEYS[2], 'remaining', -1)
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[3])
redis.call('HSET', KEYS[5], 'eventId', ARGV[6], 'itemId', event[4], 'buyer', ARGV[1], 'status', 'PENDING',
  'createdAt', now)
redis.call('PEXPIRE', KEYS[5], ARGV[5])
redis.call('XADD', KEYS[6], '*', 'attemptId', ARGV[3], 'eventId', ARGV[6], 'itemId', event[4], 'buyer', ARGV[1])
return spend('ACCEPTED', ARGV[3])
