"""Set-up and report for scripts/bench-http: buyers through the engine REST API, request files for wrk's legs
(tokens and attempts read back from Redis with their owners, since wrk cannot tie a response to its request),
and the ratio table."""
import base64
import http.client
import json
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
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


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


def tokens(port, event, out, once=""):
    """The unspent tokens issued for event, each with its owner: the requests of an attempt leg (once: one a
    buyer)."""
    keys = [k for k in scan(port, "clipflow:idem:{seckill-%s}:*" % event)]
    owners = redis(port, [f"HMGET {k} owner state" for k in keys])
    seen = set()
    with open(out, "w") as o:
        for i, key in enumerate(keys):
            owner, state = owners[2 * i], owners[2 * i + 1]
            if state == "NEW" and not (once and owner in seen):
                seen.add(owner)
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


def report(results):
    """Each leg against the no-op legs right before and after it in the same round."""
    rows = [l.split() for l in open(results) if l.startswith("RESULT")]
    print("| round | leg | requests | req/s | vs no-op | p50 ms | p99 ms | CPU µs/request: app + redis | outcomes |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for i, r in enumerate(rows):
        rnd, name = r[1].split(":", 1)
        near = [float(x[4]) for x in (rows[i - 1] if i > 0 else None, rows[i + 1] if i + 1 < len(rows) else None)
                if x and x[1].split(":", 1)[0] == rnd and x[1].endswith(":noop")]
        ratio = "1" if name == "noop" else (f"**{float(r[4]) / (sum(near) / len(near)):.2f}**" if near else "")
        cpu = f"{r[9]} + {r[10]}" if len(r) > 10 else ""
        print(f"| {rnd} | {name} | {r[2]} | {float(r[4]):,.0f} | {ratio} | {r[5]} | {r[6]} | {cpu} | {r[8]} |")


if __name__ == "__main__":
    {"users": lambda a: users(a[0], int(a[1]), a[2], a[3]), "lines": lambda a: lines(*a),
     "tokens": lambda a: tokens(*a), "attempts": lambda a: attempts(*a),
     "settle": lambda a: settle(a[0], a[1], float(a[2])), "report": lambda a: report(*a)}[sys.argv[1]](sys.argv[2:])
