"""Throughput with wrk (a lean C load generator): bench.run's page rows.

wrk's own summary counts only answers >= 400 as errors ("Non-2xx or 3xx responses"); the script
bench/wrk_report.lua counts every answer outside 200-299, so a redirect fails a run as surely
as a 500. wrk comes from the Debian package; run() installs it with apt-get when missing.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk_report.lua")
MARKER = "WRK_JSON "


class FailedRequests(RuntimeError):
    """A measured request did not get a 2xx answer (or a socket error): no throughput."""


def wrk_binary() -> str:
    """The wrk executable; installed from Debian's package when missing."""
    found = shutil.which("wrk")
    if found:
        return found
    apt = ["apt-get", "install", "-y", "-q", "wrk"]
    if os.geteuid() != 0:
        apt.insert(0, "sudo")
    subprocess.run(apt, check=True)  # nosec B603 - fixed arguments
    found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk is niet geïnstalleerd en apt-get kon het niet installeren")
    return found


def parse(output: str) -> dict:
    """The JSON line wrk_report.lua prints, as figures in requests/s and milliseconds;
    FailedRequests when any answer was not 2xx or a socket failed."""
    line = next((s for s in output.splitlines() if s.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk gaf geen resultaat:\n{output[-2000:]}")
    raw = json.loads(line[len(MARKER) :])
    if raw["bad"] or raw["socket_errors"] or not raw["ok"]:
        raise FailedRequests(
            f"{raw['bad']} antwoorden buiten 2xx (eerste: {raw['first_bad'] or '-'}), "
            f"{raw['socket_errors']} socketfouten, {raw['ok']} goed"
        )
    seconds = raw["duration_us"] / 1e6
    return {
        "count": raw["requests"],
        "errors": 0,
        "statuses": {"2xx": raw["ok"]},
        "seconds": round(seconds, 2),
        "rate": round(raw["requests"] / seconds, 1),
        "p50": raw["p50_us"] / 1000,
        "p95": raw["p95_us"] / 1000,
        "p99": raw["p99_us"] / 1000,
    }


def run(
    base_url: str,
    paths: list[str],
    *,
    seconds: float,
    connections: int = 16,
    threads: int = 2,
    cookie: str = "",
) -> dict:
    """GET paths round-robin for seconds with connections open at once; the generator's CPU
    seconds are in the result ("generator_cpu"). Raises FailedRequests on any non-2xx."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("".join(f"{path}\t{cookie}\n" for path in paths))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        result = subprocess.run(  # nosec B603 - our own arguments
            [
                wrk_binary(),
                f"--threads={min(threads, connections)}",
                f"--connections={connections}",
                f"--duration={max(1, round(seconds))}s",
                "--timeout=10s",
                f"--script={SCRIPT}",
                base_url + paths[0],
                "--",
                listing.name,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(listing.name)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    outcome = parse(result.stdout)
    outcome["generator_cpu"] = round(
        (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2
    )
    return outcome
