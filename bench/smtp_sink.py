"""A loopback SMTP server for the delivery benchmark, run as its own process by bench.run.

Every message is acknowledged after a fixed delay that stands for a real relay (network round
trips, TLS, queueing at the receiving side: tens of milliseconds), and its Message-ID is
appended to a log file, so the benchmark can count deliveries and find any sent twice.

Run: `python -m bench.smtp_sink PORT LOGFILE DELAY_MS`.
"""

from __future__ import annotations

import asyncio
import sys
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log_path: str, delay: float):
        self.log = open(log_path, "a", buffering=1)  # noqa: SIM115 - open for the process
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        await asyncio.sleep(self.delay)
        headers = BytesHeaderParser().parsebytes(envelope.content)
        self.log.write(f"{headers.get('Message-ID', '')}\t{','.join(envelope.rcpt_tos)}\n")
        return "250 OK"


def main() -> None:
    port, log_path, delay_ms = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    controller = Controller(Sink(log_path, delay_ms / 1000), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()  # runs until the benchmark closes our stdin
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
