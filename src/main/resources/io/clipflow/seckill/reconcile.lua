-- Compares one event's units in Redis with the orders in the database and repairs Redis, atomically with
-- respect to the accept path. Every unit taken is "held" by exactly one attempt until that attempt fails;
-- an order in the database holds its unit whatever Redis remembers. So remaining must be stock - |held|.
-- KEYS[1] event hash, KEYS[2] buyers set, KEYS[3] held-attempts set.
-- ARGV[1] item id, ARGV[2] stock, ARGV[3] startsAt, ARGV[4] endsAt, then pairs (attempt id, buyer) of the
-- event's orders in the database.
-- Returns {remaining before (-1 if the event was missing), remaining now, held, held added, buyers added}.
local stock = tonumber(ARGV[2])
local before = redis.call('HGET', KEYS[1], 'remaining')
if not before then
  redis.call('HSET', KEYS[1], 'itemId', ARGV[1], 'stock', ARGV[2], 'startsAt', ARGV[3], 'endsAt', ARGV[4])
  before = -1
end
local heldAdded, buyersAdded = 0, 0
for i = 5, #ARGV, 2 do
  heldAdded = heldAdded + redis.call('SADD', KEYS[3], ARGV[i])
  buyersAdded = buyersAdded + redis.call('SADD', KEYS[2], ARGV[i + 1])
end
local held = redis.call('SCARD', KEYS[3])
local expected = stock - held
if expected < 0 then
  expected = 0
end
redis.call('HSET', KEYS[1], 'remaining', expected)
return {tonumber(before), expected, held, heldAdded, buyersAdded}
