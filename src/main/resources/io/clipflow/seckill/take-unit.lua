-- Taking one unit of a sale for a buyer: check the sale's window, the buyer's earlier unit and the stock, take one
-- unit and queue the attempt for the order process. Put ahead of attempt.lua (which spends the buyer's token in
-- the same step) and of take.lua (a token spent in steps of its own). All keys carry the event's hash tag.
local seckill_unit = {}

-- keys: {event hash, event's buyers set, event's held-attempts set, attempt hash, event's attempt stream}.
-- now: Redis time in ms. Returns ACCEPTED | NOT_OPEN | CLOSED | ALREADY_PURCHASED | SOLD_OUT | UNKNOWN_EVENT.
function seckill_unit.take(keys, buyer, attemptId, attemptTtl, eventId, now)
  local event = redis.call('HMGET', keys[1], 'remaining', 'startsAt', 'endsAt', 'itemId')
  if not event[1] then
    return 'UNKNOWN_EVENT'
  end
  if now < tonumber(event[2]) then
    return 'NOT_OPEN'
  end
  if now >= tonumber(event[3]) then
    return 'CLOSED'
  end
  if redis.call('SISMEMBER', keys[2], buyer) == 1 then
    return 'ALREADY_PURCHASED'
  end
  -- check before taking: the counter never goes below zero, not even for a moment
  if tonumber(event[1]) <= 0 then
    return 'SOLD_OUT'
  end
  redis.call('HINCRBY', keys[1], 'remaining', -1)
  redis.call('SADD', keys[2], buyer)
  redis.call('SADD', keys[3], attemptId)
  redis.call('HSET', keys[4], 'eventId', eventId, 'itemId', event[4], 'buyer', buyer, 'status', 'PENDING',
    'createdAt', now)
  redis.call('PEXPIRE', keys[4], attemptTtl)
  redis.call('XADD', keys[5], '*', 'attemptId', attemptId, 'eventId', eventId, 'itemId', event[4], 'buyer', buyer)
  return 'ACCEPTED'
end

function seckill_unit.now()
  local clock = redis.call('TIME')
  return clock[1] * 1000 + math.floor(clock[2] / 1000)
end
