#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd, from PyPI): every message it accepts is decoded
with Python's email package and written as one JSON file into a folder, so a test reads what a
resident's mailbox would show — the subject, the addresses, the headers and both bodies — after
the server really sent it over SMTP.

Usage: test-smtp.py FOLDER  (prints "listening on 127.0.0.1:PORT" once it accepts mail; a free
port is chosen; stops on SIGTERM).
"""

import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Folder:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        bodies = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                bodies[part.get_content_subtype()] = part.get_content()
        self.count += 1
        record = {
            "envelope_to": envelope.rcpt_tos,
            "envelope_from": envelope.mail_from,
            "headers": {k: str(v) for k, v in message.items()},
            "subject": str(message["subject"]),
            "text": bodies.get("plain", ""),
            "html": bodies.get("html", ""),
        }
        name = os.path.join(self.folder, f"{self.count:06d}.json")
        with open(name + ".part", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(name + ".part", name)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def main(folder):
    os.makedirs(folder, exist_ok=True)
    port = free_port()
    controller = Controller(Folder(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on 127.0.0.1:{port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    controller.stop()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
