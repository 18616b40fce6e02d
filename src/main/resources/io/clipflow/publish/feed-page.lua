-- One round trip for a feed read: the current generation and, under it, the cached page.
-- KEYS[1] the generation counter; page keys are KEYS[1]:<generation>:<page>:<size> (same hash tag, same slot).
-- ARGV[1] page, ARGV[2] size. Returns { generation, cached page JSON or nil }.
local generation = redis.call('GET', KEYS[1]) or '0'
return { generation, redis.call('GET', KEYS[1] .. ':' .. generation .. ':' .. ARGV[1] .. ':' .. ARGV[2]) }
