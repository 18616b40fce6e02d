-- The whole seckill accept path in ONE atomic step: spend the buyer's one-time token and take a unit
-- (seckill_unit.take). The token was issued for this event, so its key shares the event's hash slot. It is checked
-- and spent by the idempotency module's functions (idempotency_key, put ahead of this script by
-- KeySpendingScripts), which keep, as this sale's answer for replays, the outcome and the attempt id.
-- KEYS[1] the token's key, KEYS[2..6] as seckill_unit.take's keys.
-- ARGV[1] caller, ARGV[2] request fingerprint, ARGV[3] new attempt id, ARGV[4] how long a spent token is kept
-- for replays (ms), ARGV[5] how long an attempt is kept (ms), ARGV[6] event id.
-- Returns {outcome, attemptId}: the outcome of seckill_unit.take, {'REPLAY', outcome, attemptId} for a token
-- spent on this same request before, or {'MISMATCH'} | {'INVALID'}.
local token = idempotency_key.check(KEYS[1], ARGV[1], ARGV[2], {'seckillOutcome', 'attemptId'})
if token[1] ~= 'NEW' then
  return token
end
local now = seckill_unit.now()
local outcome = seckill_unit.take({KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]}, ARGV[1], ARGV[3], ARGV[5], ARGV[6],
  now)
local attemptId = ''
if outcome == 'ACCEPTED' then
  attemptId = ARGV[3]
end
idempotency_key.spend(KEYS[1], ARGV[2], now, ARGV[4], {'seckillOutcome', outcome, 'attemptId', attemptId})
return {outcome, attemptId}
