#!/usr/bin/env python3
"""A reader's latency at a steady pace, for benchmarks that load the server in other ways (the
mail benchmark): GET one URL RATE times a second for SECONDS over one kept-alive connection,
as a browser would, and print the count, p50, p99 and the slowest, in milliseconds. Unlike wrk,
it does not saturate the machine, so it measures what a reader feels, not the server's ceiling.

Usage: probe-latency.py URL [SECONDS=10] [RATE=50] [SAMPLES_FILE]
  With SAMPLES_FILE, every sample is also appended to it (one per line, ms), so a caller can
  take one percentile over many runs.
"""

import http.client
import sys
import time
import urllib.parse


def main(url, seconds, rate, samples=None):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path or "/"
    times = []
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < seconds:
        due = start + n / rate
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        t0 = time.monotonic()
        conn.request("GET", path, headers={"Accept-Encoding": "br"})
        res = conn.getresponse()
        res.read()
        if res.status != 200:
            raise SystemExit(f"{url}: {res.status}")
        times.append((time.monotonic() - t0) * 1000)
        n += 1
    if samples:
        with open(samples, "a", encoding="ascii") as f:
            f.writelines(f"{t:.3f}\n" for t in times)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"n {len(times)}  p50 {pick(0.5):.2f} ms  p99 {pick(0.99):.2f} ms  max {times[-1]:.2f} ms")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(
        args[0],
        float(args[1]) if len(args) > 1 else 10,
        float(args[2]) if len(args) > 2 else 50,
        args[3] if len(args) > 3 else None,
    )
