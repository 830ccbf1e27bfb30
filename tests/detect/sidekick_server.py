#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""An HTTP server on loopback that takes alerts as Falcosidekick's input does and records them.

Usage: sidekick_server.py PORT_FILE LOG_FILE [CERT KEY]

Listens on 127.0.0.1 on a free port (HTTPS with the PEM certificate CERT and its key KEY),
writes the port to PORT_FILE once it accepts connections
(the readiness signal), then serves until SIGTERM. Falcosidekick's rules (its handler of
POST /): any other method is answered 400 "Please send with post http method"; a body that is
not a JSON object, an unknown or empty priority, an empty rule, a missing, unparsable or zero
time, or empty output_fields is answered 400 "Please send a valid request body". GET /ping
answers "pong". Each POST is one JSON line in LOG_FILE: {"ok": true, "content_type",
"user_agent", "alert"} or {"ok": false, "reason"}.
"""
import datetime
import http.server
import json
import os
import re
import signal
import ssl
import sys

PRIORITIES = {"emergency", "alert", "critical", "error", "warning", "notice",
              "informational", "info", "debug"}
# RFC 3339, with up to nine digits of fraction (Go's time.RFC3339Nano reads them)
RFC3339 = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d{1,9})?"
                     r"([Zz]|[+-]\d\d:\d\d)$")


def check(body):
    """The reason Falcosidekick would refuse BODY, or None."""
    try:
        alert = json.loads(body)
    except ValueError as e:
        return "not JSON: %s" % e, None
    if not isinstance(alert, dict):
        return "not a JSON object", None
    priority = alert.get("priority")
    if not isinstance(priority, str) or priority.lower() not in PRIORITIES:
        return "unknown priority %r" % (priority,), None
    if not isinstance(alert.get("rule"), str) or not alert["rule"]:
        return "empty rule", None
    when = alert.get("time")
    m = RFC3339.match(when) if isinstance(when, str) else None
    if not m:
        return "time %r is not RFC 3339" % (when,), None
    try:
        day = datetime.datetime(*(int(m.group(i)) for i in range(1, 7)))
    except ValueError as e:
        return "time %r: %s" % (when, e), None
    if day.year <= 1:
        return "zero time", None
    fields = alert.get("output_fields")
    if not isinstance(fields, dict) or not fields:
        return "empty output_fields", None
    if "output" in alert and not isinstance(alert["output"], str):
        return "output is not a string", None
    if "tags" in alert and not isinstance(alert["tags"], list):
        return "tags is not an array", None
    return None, alert


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, code, text):
        data = text.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self, entry):
        with open(self.server.log_file, "a") as f:
            f.write(json.dumps(entry) + "\n")

    def do_GET(self):
        if self.path == "/ping":
            self.answer(200, "pong\n")
        else:
            self.answer(400, "Please send with post http method\n")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        reason, alert = check(body)
        if reason:
            self.record({"ok": False, "reason": reason})
            self.answer(400, "Please send a valid request body\n")
            return
        self.record({"ok": True, "content_type": self.headers.get("Content-Type"),
                     "user_agent": self.headers.get("User-Agent"), "alert": alert})
        self.answer(200, "")

    def log_message(self, *args):
        pass


def main():
    port_file, log_file = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.log_file = log_file
    if len(sys.argv) > 4:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[3], sys.argv[4])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    open(log_file, "w").close()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.server_address[1])
    os.rename(tmp, port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
