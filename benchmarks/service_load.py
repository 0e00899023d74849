"""Bounded load test of ``unspoof serve`` on loopback: requests per second, latency, errors.

Starts the server on 127.0.0.1 (a free port), sends ``POST /v1/scan`` with 2 KB texts cut from
the seed article, and prints the figures. Traffic goes to 127.0.0.1 only; the run stops after
``--duration`` seconds (30 at most) or ``--requests`` requests, whichever comes first.

Two modes:
- ``--rate N`` (default 200): open loop, N requests per second spread over the connections;
  latency counts from when a request was due, so a server that falls behind shows it.
- ``--rate 0``: closed loop, each connection sends its next request when the answer arrives;
  measures the most the server can do.

    python benchmarks/service_load.py --rate 200 --duration 20
    python benchmarks/service_load.py --rate 0 --connections 8 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"  # loopback only, by design
MAX_DURATION = 30.0
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed-article.obfuscated.txt"


def texts_of(size: int, count: int = 64) -> list[bytes]:
    """``count`` request bodies, each a text of about ``size`` bytes of UTF-8 from the seed article."""
    source = SEED.read_text(encoding="utf-8") if SEED.exists() else "Rսssian ᴡarships in the strait. " * 400
    bodies = []
    step = max(1, (len(source) - size) // count)
    for i in range(count):
        chunk = source[i * step:]
        # cut by characters until the UTF-8 size reaches the target
        lo, hi = 0, len(chunk)
        while lo < hi:
            mid = (lo + hi) // 2
            if len(chunk[:mid].encode()) < size:
                lo = mid + 1
            else:
                hi = mid
        bodies.append(json.dumps({"text": chunk[:lo]}, ensure_ascii=False).encode())
    return bodies


def server_cpu_seconds(pid: int) -> float | None:
    """CPU time used so far by the server and its worker processes (Linux /proc), or None.

    Unlike wall-clock rates, this does not depend on what else the machine is running, so
    cores / CPU-per-request estimates what the service holds on an idle machine.
    """
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    try:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # fields[1] is the parent pid; [11], [12] are utime, stime (after the name)
            if int(entry) == pid or int(fields[1]) == pid:
                total += int(fields[11]) + int(fields[12])
    except OSError:
        return None
    return total / tick


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "unspoof", "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"unspoof serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("unspoof serve did not start")


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def connection(port: int, bodies: list[bytes], slot: int, schedule, stop_at: float, budget: list[int],
                     latencies: list[float], errors: dict[str, int]) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    i = slot
    try:
        while True:
            due = schedule(i)
            now = time.perf_counter()
            if due > stop_at or now > stop_at or budget[0] <= 0:
                break
            budget[0] -= 1
            if due > now:
                await asyncio.sleep(due - now)
            body = bodies[i % len(bodies)]
            request = (
                f"POST /v1/scan HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode() + body
            started = max(due, time.perf_counter()) if due > 0 else time.perf_counter()
            try:
                writer.write(request)
                await writer.drain()
                status = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                break
            latencies.append(time.perf_counter() - (due if due > 0 else started))
            if status != 200:
                errors[str(status)] = errors.get(str(status), 0) + 1
            i += schedule.step
    finally:
        writer.close()


async def run(port: int, bodies: list[bytes], rate: float, connections: int, duration: float, max_requests: int):
    latencies: list[float] = []
    errors: dict[str, int] = {}
    budget = [max_requests]
    t0 = time.perf_counter() + 0.2
    stop_at = t0 + duration

    class Schedule:
        step = connections

        def __call__(self, i: int) -> float:
            # open loop: request i is due at t0 + i/rate; closed loop: due now (0)
            return t0 + i / rate if rate > 0 else 0.0

    schedule = Schedule()
    tasks = [connection(port, bodies, slot, schedule, stop_at, budget, latencies, errors) for slot in range(connections)]
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - t0
    return latencies, errors, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=200.0, help="requests per second to offer; 0 for as fast as possible")
    ap.add_argument("--duration", type=float, default=15.0, help=f"seconds to run (at most {MAX_DURATION:g})")
    ap.add_argument("--requests", type=int, default=20_000, help="stop after this many requests")
    ap.add_argument("--connections", type=int, default=8, help="keep-alive connections")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes")
    ap.add_argument("--size", type=int, default=2048, help="bytes of text per request")
    args = ap.parse_args()
    duration = min(args.duration, MAX_DURATION)

    bodies = texts_of(args.size)
    load_before = os.getloadavg()[0]
    port = free_port()
    server = start_server(port, args.workers)
    try:
        # warm up: first requests load the detectors' tables and word lists, lazily, per worker
        for body in bodies * (2 * args.workers):
            req = urllib.request.Request(f"http://{HOST}:{port}/v1/scan", body, {"Content-Type": "application/json"})
            urllib.request.urlopen(req, timeout=30).read()
        cpu_before = server_cpu_seconds(server.pid)
        latencies, errors, elapsed = asyncio.run(
            run(port, bodies, args.rate, args.connections, duration, args.requests)
        )
        cpu_after = server_cpu_seconds(server.pid)
    finally:
        server.terminate()
        server.wait(10)

    done = len(latencies)
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p / 100 * len(ms)))] if ms else float("nan")

    mode = f"open loop at {args.rate:g} req/s" if args.rate > 0 else "closed loop"
    print(f"unspoof serve load test: POST /v1/scan, {args.size} B texts, {mode}, "
          f"{args.connections} connections, {args.workers} worker(s), {os.cpu_count()} cores")
    print(f"requests {done} in {elapsed:.1f} s = {done / elapsed:.0f} req/s")
    print(f"latency ms: p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  max {ms[-1] if ms else float('nan'):.1f}"
          f"  mean {statistics.fmean(ms) if ms else float('nan'):.1f}")
    print(f"errors {sum(errors.values())}" + (f" {errors}" if errors else ""))
    if cpu_before is not None and cpu_after is not None and done:
        per = (cpu_after - cpu_before) / done
        cores = os.cpu_count() or 1
        print(f"server CPU per request {per * 1000:.2f} ms -> {cores} cores hold about {cores / per:.0f} req/s "
              f"with nothing else running")
    # the machine's other load skews every figure above: print it with them
    print("load average before/after: {:.2f} / {:.2f}".format(load_before, os.getloadavg()[0]))


if __name__ == "__main__":
    main()
