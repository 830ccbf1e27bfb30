#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Runs a command with a syslog socket listening, and writes what the command logged.

Usage: syslog_capture.py SOCKET OUT COMMAND...

Binds the Unix datagram socket SOCKET (what syslog(3) writes to: /dev/log, in a mount
namespace of the test's own), runs COMMAND, then writes each datagram received to OUT, one
per line, as syslog(3) sent it ("<PRI>TIMESTAMP TAG[PID]: MESSAGE"). Exits with COMMAND's
status.
"""
import os
import socket
import subprocess
import sys
import threading


def main():
    path, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    got = []

    # read while the command runs: a full queue would block its syslog(3) calls
    def read():
        while True:
            data = sock.recv(65536)
            if not data:
                return
            got.append(data.decode(errors="replace").rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    status = subprocess.call(cmd)
    # the datagrams sent are queued already: drain them, then stop the reader
    done = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    done.sendto(b"", path)
    reader.join()
    with open(out, "w") as f:
        f.writelines(line + "\n" for line in got)
    sys.exit(status)


if __name__ == "__main__":
    main()
