-- Spending a one-time idempotency key inside another feature's script, in the same atomic step as that script's
-- own work. KeySpendingScripts puts these functions ahead of the script's text, so the key's hash layout stays
-- this module's (see claim-key.lua for the order API's way through the same key).
local idempotency_key = {}

-- Looks at the key the caller sent. answerFields name what the script stores with a spent key (its answer).
-- Returns {'NEW'} for the caller's unused key (spend it with idempotency_key.spend), {'INVALID'} for a key that
-- is unknown, expired or someone else's (indistinguishable on purpose), {'MISMATCH'} for a key used for another
-- request (or by a request that stored no such answer), or {'REPLAY', value, ...} with the stored answer's values
-- ('' for a field not stored) when the key was spent on this same request before.
function idempotency_key.check(key, caller, fingerprint, answerFields)
  local found = redis.call('HMGET', key, 'owner', 'state', 'fingerprint', unpack(answerFields))
  if not found[1] or found[1] ~= caller then
    return {'INVALID'}
  end
  if found[2] == 'NEW' then
    return {'NEW'}
  end
  if found[3] ~= fingerprint or not found[4] then
    return {'MISMATCH'}
  end
  local replay = {'REPLAY'}
  for i = 1, #answerFields do
    replay[i + 1] = found[i + 3] or ''
  end
  return replay
end

-- Spends a NEW key: used like a completed order key (state DONE with the request's fingerprint, so the order
-- API refuses it as reused), with the answer (field, value, ...) kept for replays, for ttl ms from now.
function idempotency_key.spend(key, fingerprint, now, ttl, answer)
  redis.call('HSET', key, 'state', 'DONE', 'fingerprint', fingerprint, 'claimedAt', now, unpack(answer))
  redis.call('PEXPIRE', key, ttl)
end
