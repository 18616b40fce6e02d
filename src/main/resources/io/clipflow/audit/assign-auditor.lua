-- Picks the auditor with the fewest open audit tasks and counts the new task for them, in one step, so that
-- concurrent publishes on any number of nodes never pick from the same stale view.
-- KEYS[1]: hash auditor -> open audit tasks; KEYS[2]: round-robin turn counter (same hash slot)
-- ARGV[1]: auditor to leave out ('' for none); ARGV[2..n]: eligible auditors, in a stable order
-- Returns the chosen auditor, '' when nobody is eligible, or false (nil) when the load is unknown
-- (key missing, e.g. after a flush): the caller rebuilds it from the engine and asks again.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
local fewest = nil
local tied = {}
for i = 2, #ARGV do
  local auditor = ARGV[i]
  if auditor ~= ARGV[1] then
    local open = tonumber(redis.call('HGET', KEYS[1], auditor) or '0')
    if fewest == nil or open < fewest then
      fewest = open
      tied = { auditor }
    elseif open == fewest then
      tied[#tied + 1] = auditor
    end
  end
end
if #tied == 0 then
  return ''
end
local turn = redis.call('INCR', KEYS[2])
local chosen = tied[(turn % #tied) + 1]
redis.call('HINCRBY', KEYS[1], chosen, 1)
return chosen
