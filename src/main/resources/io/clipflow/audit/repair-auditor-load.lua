-- Corrects the load where it differs from the engine's open audit tasks, but only where the caller saw the very
-- same difference in its previous run: a difference seen once may be an assignment whose transaction has not
-- committed yet. The difference is taken again here, in the same step as the correction, so a correction another
-- node made meanwhile is not made twice and an assignment counted meanwhile keeps its count.
-- Does nothing when the load is unknown: the next assignment rebuilds it from the engine anyway.
-- KEYS[1]: hash auditor -> open audit tasks
-- ARGV: triples (auditor, open audit tasks in the engine, difference seen last run or '' for none)
-- Returns false (nil) when the load is unknown, otherwise triples (auditor, difference = load - engine,
-- 1 if corrected else 0) for every auditor whose count differs.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
local found = {}
for i = 1, #ARGV, 3 do
  local auditor = ARGV[i]
  local difference = tonumber(redis.call('HGET', KEYS[1], auditor) or '0') - tonumber(ARGV[i + 1])
  if difference ~= 0 then
    local corrected = 0
    if ARGV[i + 2] ~= '' and tonumber(ARGV[i + 2]) == difference then
      redis.call('HINCRBY', KEYS[1], auditor, -difference)
      corrected = 1
    end
    found[#found + 1] = auditor
    found[#found + 1] = difference
    found[#found + 1] = corrected
  end
end
return found
