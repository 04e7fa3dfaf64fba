"""HTTP load generator, run as its own process by bench.run: plain HTTP/1.1 over loopback with
asyncio (no dependency), a fixed concurrency, and latencies per request.

Input (stdin, JSON): {"host", "port", "concurrency", "duration" | "count", "requests": [...]}
where each request is {"method", "path", "headers": {...}, "body": str | null}; requests are
used round-robin. Output (stdout, JSON): count, errors, statuses, seconds, rate, p50/p95/p99
in milliseconds, and the CPU seconds this generator used.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import resource
import sys
import time


class Connection:
    """One keep-alive connection; reopened when the server closes it (gunicorn's sync
    workers close after every response)."""

    def __init__(self, host: str, port: int):
        self.host, self.port, self.reader, self.writer = host, port, None, None

    async def request(self, raw: bytes) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await self.reader.read()
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def encode(host: str, spec: dict) -> bytes:
    body = (spec.get("body") or "").encode()
    headers = {"Host": host, "Connection": "keep-alive", **spec.get("headers", {})}
    if body:
        headers["Content-Length"] = str(len(body))
    head = f"{spec.get('method', 'GET')} {spec['path']} HTTP/1.1\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return (head + "\r\n").encode("latin-1") + body


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(plan: dict) -> dict:
    host, port = plan["host"], plan["port"]
    raw = [encode(f"{host}:{port}", spec) for spec in plan["requests"]]
    source = itertools.cycle(raw)
    count_limit = plan.get("count")
    deadline = time.monotonic() + plan.get("duration", 10)
    latencies, statuses, errors = [], {}, []
    issued = 0

    def more() -> bool:
        return issued < count_limit if count_limit is not None else time.monotonic() < deadline

    async def worker():
        nonlocal issued
        connection = Connection(host, port)
        while more():
            issued += 1
            request = next(source)
            start = time.perf_counter()
            try:
                status = await connection.request(request)
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(type(exc).__name__)
                connection.close()
                continue
            latencies.append(time.perf_counter() - start)
            statuses[status] = statuses.get(status, 0) + 1
        connection.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(plan["concurrency"])))
    seconds = time.perf_counter() - began
    ok = sum(n for status, n in statuses.items() if status < 400)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "count": len(latencies),
        "ok": ok,
        "errors": len(errors) + len(latencies) - ok,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "seconds": round(seconds, 3),
        "rate": round(ok / seconds, 1) if seconds else 0.0,
        "p50": round(percentile(latencies, 0.50) * 1000, 1),
        "p95": round(percentile(latencies, 0.95) * 1000, 1),
        "p99": round(percentile(latencies, 0.99) * 1000, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
    }


def main() -> None:
    print(json.dumps(asyncio.run(run(json.load(sys.stdin)))))


if __name__ == "__main__":
    main()
