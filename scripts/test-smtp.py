#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd, from PyPI): every message it accepts is decoded
with Python's email package and written as one JSON file into a folder, so a test reads what a
resident's mailbox would show — the subject, the addresses, the headers and both bodies — after
the server really sent it over SMTP.

Usage: test-smtp.py FOLDER  (prints "listening on 127.0.0.1:PORT" once it accepts mail; a free
port is chosen; stops on SIGTERM).
       test-smtp.py --ids FOLDER  for benchmarks: a mail is not decoded, only its Message-ID
is appended as one line to FOLDER/ids.txt, so the sink is not what limits the sender.
"""

import asyncio
import email
import email.policy
import json
import os
import re
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


class Ids:
    """Only the Message-ID of each mail, one line each: cheap enough for 100,000 mails."""

    def __init__(self, folder):
        self.file = open(os.path.join(folder, "ids.txt"), "a", encoding="ascii")

    async def handle_DATA(self, server, session, envelope):
        found = re.search(rb"(?im)^Message-ID:[ \t]*(\S+)", envelope.content)
        self.file.write((found.group(1).decode("ascii", "replace") if found else "?") + "\n")
        self.file.flush()
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def main(folder, ids_only):
    os.makedirs(folder, exist_ok=True)
    port = free_port()
    handler = Ids(folder) if ids_only else Folder(folder)
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on 127.0.0.1:{port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    controller.stop()


if __name__ == "__main__":
    if sys.argv[1] == "--ids":
        asyncio.run(main(sys.argv[2], True))
    else:
        asyncio.run(main(sys.argv[1], False))
