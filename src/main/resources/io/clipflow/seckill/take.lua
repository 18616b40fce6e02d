-- Takes a unit for a request whose token lives elsewhere (claimed and completed in steps of their own, as the
-- order API does). KEYS as seckill_unit.take's keys; ARGV[1] buyer, ARGV[2] new attempt id, ARGV[3] how long an
-- attempt is kept (ms), ARGV[4] event id. Returns the outcome.
return seckill_unit.take(KEYS, ARGV[1], ARGV[2], ARGV[3], ARGV[4], seckill_unit.now())
