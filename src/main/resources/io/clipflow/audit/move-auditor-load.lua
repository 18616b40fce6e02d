-- Moves one open audit task from one auditor's count to another's (either may be '': a release or a take).
-- Does nothing when the load is unknown: it is rebuilt from the engine on the next assignment anyway, and
-- creating the key here would hide that it was lost.
-- KEYS[1]: hash auditor -> open audit tasks; ARGV[1]: from; ARGV[2]: to
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if ARGV[1] ~= '' then
  if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) < 0 then
    redis.call('HSET', KEYS[1], ARGV[1], 0)
  end
end
if ARGV[2] ~= '' then
  redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
end
return 1
