"""Set-up and report for scripts/bench-http: buyers through the engine REST API, request files for wrk's legs
(tokens and attempts read back from Redis with their owners, since wrk cannot tie a response to its request),
and the ratio table."""
import base64
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
from urllib.parse import urlparse


def auth(user):
    return "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode()


def call(conn, method, path, user, body=None):
    headers = {"Authorization": auth(user)}
    if body is not None:
        headers["Content-Type"] = "application/json"
    for attempt in (1, 2):
        try:
            conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        except http.client.RemoteDisconnected:
            # the server closed the kept-alive connection as the request went out, before reading it: send again
            conn.close()
            if attempt == 2:
                raise


def users(base, count, prefix, out):
    """Creates count buyers (password = id) with 8 keep-alive connections; writes one user id a line."""
    url = urlparse(base)
    ids = [f"{prefix}{i}" for i in range(count)]

    def work(share):
        conn = http.client.HTTPConnection(url.hostname, url.port)
        for user in share:
            status, body = call(conn, "POST", "/engine-rest/user/create", "admin",
                                {"profile": {"id": user, "firstName": "B", "lastName": "B",
                                             "email": f"{user}@bench.example"}, "credentials": {"password": user}})
            assert status == 204, (status, body)
            status, body = call(conn, "PUT", f"/engine-rest/group/buyers/members/{user}", "admin")
            assert status == 204, (status, body)

    failures = []

    def guarded(share):
        try:
            work(share)
        except Exception as ex:  # a thread's failure must fail the run
            failures.append(ex)

    workers = [threading.Thread(target=guarded, args=(ids[i::8],)) for i in range(8)]
    [w.start() for w in workers]
    [w.join() for w in workers]
    if failures:
        sys.exit(f"creating buyers failed: {failures[0]}")
    with open(out, "w") as f:
        f.write("".join(u + "\n" for u in ids))


def lines(buyers_file, path, out):
    """One request a buyer, on path ({user} replaced), no key."""
    with open(buyers_file) as f, open(out, "w") as o:
        for user in f.read().split():
            o.write(f"{auth(user)}\t{path.replace('{user}', user)}\n")


def redis(port, commands):
    run = subprocess.run(["redis-cli", "-p", port], input="".join(c + "\n" for c in commands), text=True,
                         capture_output=True, check=True)
    return run.stdout.splitlines()


def scan(port, pattern):
    run = subprocess.run(["redis-cli", "-p", port, "--scan", "--pattern", pattern], text=True,
                         capture_output=True, check=True)
    return run.stdout.split()


def accepted(port, event):
    """The keys of event's accepted attempts: those holding a unit (its held set keeps an attempt until it fails),
    with no scan of the whole keyspace (a poll every 0.2 s scanning the run's hundreds of thousands of spent
    tokens kept Redis busier than the sale did)."""
    held = subprocess.run(["redis-cli", "-p", port, "SMEMBERS", "clipflow:seckill:{seckill-%s}:held" % event],
                          text=True, capture_output=True, check=True).stdout.split()
    return ["clipflow:seckill:{seckill-%s}:attempt:%s" % (event, attempt) for attempt in held]


def tokens(port, event, out, once="", limit="0"):
    """The unspent tokens issued for event, each with its owner: the requests of an attempt leg (once: one a
    buyer; limit: at most that many, 0 for all)."""
    keys = [k for k in scan(port, "clipflow:idem:{seckill-%s}:*" % event)]
    owners = redis(port, [f"HMGET {k} owner state" for k in keys])
    seen, seen_tokens = set(), []
    with open(out, "w") as o:
        for i, key in enumerate(keys):
            owner, state = owners[2 * i], owners[2 * i + 1]
            if state == "NEW" and not (once and owner in seen) and (int(limit) == 0 or len(seen_tokens) < int(limit)):
                seen.add(owner)
                seen_tokens.append(key)
                token = f"seckill-{event}." + key.rsplit(":", 1)[1]
                o.write(f"{auth(owner)}\t/api/seckill/events/{event}/attempts\t{token}\n")
    print(sum(1 for _ in open(out)), "tokens for event", event)


def attempts(port, event, out):
    """The event's attempts with their buyers: the requests of the polling leg."""
    keys = scan(port, "clipflow:seckill:{seckill-%s}:attempt:*" % event)
    buyers = redis(port, [f"HGET {k} buyer" for k in keys])
    with open(out, "w") as o:
        for key, buyer in zip(keys, buyers):
            o.write(f"{auth(buyer)}\t/api/seckill/attempts/{key.rsplit(':', 1)[1]}\n")


def settle(port, event, limit):
    """Waits until no attempt of event is PENDING; prints how long that took."""
    start = time.time()
    keys = scan(port, "clipflow:seckill:{seckill-%s}:attempt:*" % event)
    while time.time() - start < limit:
        pending = sum(1 for s in redis(port, [f"HGET {k} status" for k in keys]) if s == "PENDING")
        if pending == 0:
            break
        time.sleep(1)
    print(f"attempts of event {event}: {len(keys)}, pending after {time.time() - start:.1f} s: {pending}")


def threads(pid, before=None, requests=None):
    """CPU ticks of the JVM's threads by group (thread name without its digits: http-nio-, lettuce-nioEventLoop-,
    ...). With a snapshot file and a request count: microseconds per request of each group since the snapshot."""
    now = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{task}/comm").read().strip()
            fields = open(f"/proc/{pid}/task/{task}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended meanwhile
        group = re.sub(r"[0-9]+", "#", name)
        now[group] = now.get(group, 0) + int(fields[11]) + int(fields[12])
    if before is None:
        print(json.dumps(now))
        return
    then = json.load(open(before))
    tick_us = 1e6 / os.sysconf("SC_CLK_TCK")
    spent = {g: (t - then.get(g, 0)) * tick_us / max(1, int(requests)) for g, t in now.items()}
    print(" ".join(f"{g}={us:.0f}" for g, us in sorted(spent.items(), key=lambda e: -e[1]) if us >= 1))


def watch(port, event, units, since, done_file, limit):
    """Polls the event's attempts every 0.2 s from the first attempt on: prints when the last order was placed, that
    is when units attempts are SUCCEEDED or FAILED, or (fewer taken) none PENDING once done_file exists."""
    units, since, seen = int(units), float(since), set()
    while time.time() - since < float(limit):
        seen.update(accepted(port, event))  # a failed attempt leaves the held set: it stays counted
        keys = sorted(seen)
        statuses = redis(port, [f"HGET {k} status" for k in keys]) if keys else []
        settled = sum(1 for s in statuses if s in ("SUCCEEDED", "FAILED"))
        if settled >= units or (os.path.exists(done_file) and settled == len(keys)):
            succeeded = sum(1 for s in statuses if s == "SUCCEEDED")
            print(f"first attempt to last order: {time.time() - since:.1f} s; {len(keys)} attempts accepted, "
                  f"{succeeded} SUCCEEDED, {settled - succeeded} FAILED")
            return
        time.sleep(0.2)
    print(f"not settled within {limit} s")


def report(results):
    """Each leg against the no-op legs right before and after it in the same round."""
    rows = [l.split() for l in open(results) if l.startswith("RESULT")]
    print("| round | leg | requests | req/s | vs no-op | p50 ms | p99 ms | CPU µs/request: app + redis + wrk "
          "| app CPU, % of a core | outcomes |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for i, r in enumerate(rows):
        rnd, name = r[1].split(":", 1)
        near = [float(x[4]) for x in (rows[i - 1] if i > 0 else None, rows[i + 1] if i + 1 < len(rows) else None)
                if x and x[1].split(":", 1)[0] == rnd and x[1].endswith(":noop")]
        ratio = "1" if name == "noop" else (f"**{float(r[4]) / (sum(near) / len(near)):.2f}**" if near else "")
        cpu = " + ".join(r[9:12])
        busy = f"{float(r[9]) * float(r[4]) / 1e4:.0f} %"  # the app's CPU time over the leg's time, in cores
        if rnd == "sale" and name == "attempts":  # wrk waits out its -d after the last attempt: no rate, no busy
            r[4], busy = "nan", ""
        rate = "—" if r[4] == "nan" else f"{float(r[4]):,.0f}"
        print(f"| {rnd} | {name} | {r[2]} | {rate} | {ratio} | {r[5]} | {r[6]} | {cpu} | {busy} | {r[8]} |")


if __name__ == "__main__":
    {"users": lambda a: users(a[0], int(a[1]), a[2], a[3]), "lines": lambda a: lines(*a),
     "tokens": lambda a: tokens(*a), "attempts": lambda a: attempts(*a),
     "settle": lambda a: settle(a[0], a[1], float(a[2])), "report": lambda a: report(*a),
     "threads": lambda a: threads(*a), "watch": lambda a: watch(*a)}[sys.argv[1]](sys.argv[2:])
