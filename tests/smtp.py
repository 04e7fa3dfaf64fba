"""A real SMTP server on loopback (aiosmtpd) for delivery tests."""

from __future__ import annotations

import socket
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        self.messages.append(
            {"to": list(envelope.rcpt_tos), "message": message_from_bytes(envelope.content)}
        )
        return "250 OK"


class SMTPServer:
    """Start and stop a loopback SMTP server on a fixed port, keeping what it received."""

    def __init__(self, port: int):
        self.port = port
        self.collector = Collector()
        self.controller = None

    def start(self):
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self):
        return self.collector.messages
