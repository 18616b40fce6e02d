#!/usr/bin/env python3
"""CPU per instance of two bench legs, split into parts: parts.py LEG_A.collapsed N_A LEG_B.collapsed N_B [THREAD]

The profiles are LegProfiles' (async-profiler, a sample every 100 µs of CPU, thread names on). Only the thread that
runs the leg counts (THREAD, default main). A sample goes to the first part below whose pattern is in its stack, so
the order is from the most specific part to the most general."""
import re
import sys

PARTS = [
    ("word screen", r"io/clipflow/words/"),
    ("category and its pool", r"io/clipflow/category/"),
    ("auditor choice: pool members (identity query)", r"io/clipflow/audit/.*;.*(IdentityService|GroupQuery|UserQuery)"),
    ("auditor choice: Redis step (Lua)", r"io/clipflow/audit/.*;.*(lettuce|RedisTemplate)"),
    ("auditor choice: task variables, authorizations", r"io/clipflow/audit/"),
    ("video row through ShardingSphere", r"org/apache/shardingsphere"),
    ("redo log and shard commit", r"io/clipflow/platform/(ShardWrites|RedoLog|ShardConnections)"),
    ("engine commit (H2 MVStore)", r"(commit|Commit).*;.*org/h2/"),
    ("engine SQL (MyBatis, H2)", r"org/apache/ibatis|org/h2/"),
    ("timer (job, duration)", r"TimerEntity|TimerDeclaration|DurationHelper|JobEntity"),
    ("history events", r"org/camunda/bpm/engine/impl/history"),
    ("authorizations", r"AuthorizationManager|AuthorizationEntity"),
    ("engine: the process itself", r"org/camunda/bpm/engine"),
    ("other", r""),
]


def load(path, thread):
    totals = {name: 0 for name, _ in PARTS}
    for line in open(path):
        stack, count = line.rsplit(" ", 1)
        if thread and not stack.startswith(f"[{thread} tid="):
            continue
        for name, pattern in PARTS:
            if re.search(pattern, stack):
                totals[name] += int(count)
                break
    return totals


def main():
    a, na, b, nb = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    thread = sys.argv[5] if len(sys.argv) > 5 else "main"
    ta, tb = load(a, thread), load(b, thread)
    us = lambda samples, n: samples * 100 / n  # a sample is 100 µs of CPU
    print(f"| part | {a.rsplit('/', 1)[-1]} µs/instance | {b.rsplit('/', 1)[-1]} µs/instance | difference |")
    print("| --- | ---: | ---: | ---: |")
    for name, _ in PARTS:
        x, y = us(ta[name], na), us(tb[name], nb)
        if x >= 1 or y >= 1:
            print(f"| {name} | {x:,.0f} | {y:,.0f} | {y - x:+,.0f} |")
    x, y = us(sum(ta.values()), na), us(sum(tb.values()), nb)
    print(f"| **all** | **{x:,.0f}** | **{y:,.0f}** | **{y - x:+,.0f}** |")


if __name__ == "__main__":
    main()
