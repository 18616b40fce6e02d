-- One leg of scripts/bench-http. Environment:
--   LEG_NAME     name printed in the result line
--   LEG_METHOD   GET or POST
--   LEG_LINES    file of requests, one per line: <Authorization header>\t<path>[\t<Idempotency-Key>]
--   LEG_CYCLE    1: start over at the end of the file (a spent token again is a replay, counted as REPLAYED);
--                0: the thread stops sending when its share is used (wrk still runs for -d: set-up legs only)
--   LEG_THREADS  wrk's -t (each thread takes every LEG_THREADS-th line)
--   LEG_BODY     optional JSON body; %d is replaced by a per-thread counter (publish: distinct titles)
-- Prints one line: RESULT <name> <requests> <seconds> <req/s> <p50 ms> <p99 ms> <status:count,...> <code:count,...>
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  local n = 0
  local every = tonumber(os.getenv("LEG_THREADS"))
  for line in io.lines(os.getenv("LEG_LINES")) do
    if n % every == index then
      local auth, path, key = line:match("^([^\t]+)\t([^\t]+)\t?([^\t]*)$")
      table.insert(lines, { auth = auth, path = path, key = key })
    end
    n = n + 1
  end
  if #lines == 0 then  -- fewer lines than threads (one creator publishing): every thread sends them all
    for line in io.lines(os.getenv("LEG_LINES")) do
      local auth, path, key = line:match("^([^\t]+)\t([^\t]+)\t?([^\t]*)$")
      table.insert(lines, { auth = auth, path = path, key = key })
    end
  end
  cycle = os.getenv("LEG_CYCLE") == "1"
  method = os.getenv("LEG_METHOD")
  body = os.getenv("LEG_BODY")
  next_line = 1
  statuses = {}
  codes = {}
end

function request()
  if next_line > #lines then
    if cycle then
      next_line = 1
    else
      wrk.thread:stop()
      next_line = #lines
    end
  end
  local l = lines[next_line]
  next_line = next_line + 1
  local headers = { ["Authorization"] = l.auth }
  if l.key ~= "" then
    headers["Idempotency-Key"] = l.key
  end
  local payload = nil
  if body and body ~= "" then
    counter = counter + 1
    headers["Content-Type"] = "application/json"
    payload = body:gsub("%%d", index .. "-" .. counter)
  end
  return wrk.format(method, l.path, headers, payload)
end

function response(status, headers, body)
  local s = tostring(status)
  statuses[s] = (statuses[s] or 0) + 1
  -- a problem's code (a 2xx body's "code" is something else: a published video's code)
  local code = status >= 400 and body and body:match('"code":"([%u_]+)"')
  if headers["Idempotent-Replayed"] then
    codes["REPLAYED"] = (codes["REPLAYED"] or 0) + 1
  end
  if code then
    codes[code] = (codes[code] or 0) + 1
  elseif status == 202 and body and body:find('"PENDING"') then
    codes["ACCEPTED"] = (codes["ACCEPTED"] or 0) + 1
  end
end

local function joined(tables)
  local sum = {}
  for _, t in ipairs(tables) do
    for k, v in pairs(t) do
      sum[k] = (sum[k] or 0) + v
    end
  end
  local parts = {}
  for k, v in pairs(sum) do
    table.insert(parts, k .. ":" .. v)
  end
  table.sort(parts)
  return #parts > 0 and table.concat(parts, ",") or "-"
end

function done(summary, latency, requests)
  local s, c = {}, {}
  for _, t in ipairs(threads) do
    table.insert(s, t:get("statuses"))
    table.insert(c, t:get("codes"))
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %s %d %.2f %.1f %.2f %.2f %s %s\n", os.getenv("LEG_NAME"), summary.requests,
    seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    joined(s), joined(c)))
end
