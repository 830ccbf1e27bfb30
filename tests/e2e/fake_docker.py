# SPDX-License-Identifier: Apache-2.0
"""A stand-in for the Docker Engine API on a unix socket, for the container.name tests.

Usage: fake_docker.py SOCKET_PATH CONTAINER_ID NAME IMAGE
Answers GET /containers/<id or prefix>/json for CONTAINER_ID as dockerd does (the fields
sysray reads), 404 for anything else; each request on its own connection (HTTP/1.0).
"""
import json
import os
import socket
import sys


def main():
    path, cid, name, image = sys.argv[1:5]
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(8)
    while True:
        conn, _ = srv.accept()
        parts = conn.recv(4096).decode(errors="replace").split(" ")
        target = parts[1] if len(parts) > 1 else ""
        segs = target.split("/")
        if len(segs) == 4 and segs[1] == "containers" and segs[3] == "json" \
                and segs[2] and cid.startswith(segs[2]):
            body = json.dumps({"Id": cid, "Name": "/" + name, "Image": "sha256:" + "c" * 64,
                               "Config": {"Image": image},
                               "HostConfig": {"Privileged": False}})
            conn.sendall(("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
                          + body).encode())
        else:
            conn.sendall(b'HTTP/1.0 404 Not Found\r\n\r\n{"message":"No such container"}')
        conn.close()


if __name__ == "__main__":
    main()
