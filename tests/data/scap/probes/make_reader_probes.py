#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# Writes the probes t29..t33 of tests/data/scap/probes: small raw captures, each holding one
# shape of event where `sysray -r` once printed other than sysdig 0.29 (issue 9). Event codes
# and parameter types come from src/schema/event_table.in; the block layouts are those of
# /work/shared/reference/scap-format.md (SHB 1.2, MI, IL_V2, PL_V9 with the pre-0.10 tail,
# FDL_V2, EV_V2). Exit events carry sysdig 0.29's parameter count.
# Usage: tests/data/scap/probes/make_reader_probes.py   (rewrites the files in place)
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "../../../../src/schema/event_table.in")

WIDTH = {
    "INT8": 1, "INT16": 2, "INT32": 4, "INT64": 8, "UINT8": 1, "UINT16": 2, "UINT32": 4,
    "UINT64": 8, "ERRNO": 8, "FD": 8, "PID": 8, "SYSCALLID": 2, "SIGTYPE": 1, "RELTIME": 8,
    "ABSTIME": 8, "PORT": 2, "L4PROTO": 1, "SOCKFAMILY": 1, "BOOL": 4, "FLAGS8": 1,
    "FLAGS16": 2, "FLAGS32": 4, "UID": 4, "GID": 4, "SIGSET": 4, "MODE": 4,
    "ENUMFLAGS8": 1, "ENUMFLAGS16": 2, "ENUMFLAGS32": 4, "FD32": 4, "PID32": 4,
}


def load_table():
    events = {}
    with open(TABLE) as f:
        for line in f:
            w = line.split()
            if not w or w[0].startswith("#") or w[0] in ("type", "flag"):
                continue
            types = [p.split(":")[1].split("[")[0] for p in w[7:]]
            events[w[1]] = (int(w[0]), w[6], types)
    return events


EVENTS = load_table()
PPM_CL_CLONE_THREAD = 1 << 13
PPM_CL_CLONE_VM = 1 << 15


def value(ptype, v):
    if isinstance(v, bytes):
        return v
    if isinstance(v, str):
        return v.encode() + b"\0"
    n = WIDTH[ptype]
    return (v & ((1 << (8 * n)) - 1)).to_bytes(n, "little")


def event(ts, tid, symbol, *params, cpu=0):
    code, n029, types = EVENTS[symbol]
    assert n029 == "-" or len(params) <= int(n029), symbol
    vals = [value(types[i], p) for i, p in enumerate(params)]
    head = struct.pack("<QqIHI", ts, tid, 26 + 2 * len(vals) + sum(map(len, vals)), code,
                       len(vals))
    body = struct.pack("<H", cpu) + head + b"".join(struct.pack("<H", len(v)) for v in vals)
    return block(0x216, body + b"".join(vals))


def block(btype, body):
    total = (8 + len(body) + 4 + 3) & ~3
    return struct.pack("<II", btype, total) + body + b"\0" * (total - 12 - len(body)) + \
        struct.pack("<I", total)


def s16(text):
    b = text.encode() if isinstance(text, str) else text
    return struct.pack("<H", len(b)) + b


def shb():
    return block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 2, -1))


def machine():
    return block(0x201, struct.pack("<IQQ128sQQQQ", 2, 1 << 30, 32768, b"probe", 0, 0, 0, 0))


def interfaces(ifs):
    body = b""
    for name, addr, mask in ifs:
        e = struct.pack("<HH", 1, len(name)) + bytes(addr) + bytes(mask) + bytes(4) + \
            struct.pack("<Q", 0) + name.encode()
        body += struct.pack("<I", len(e)) + e
    return block(0x219, body)


def thread(tid, pid, ptid, comm, args=b"", cwd="/", uid=0, vtid=None, vpid=None,
           cgroups=b"", flags=0):
    e = struct.pack("<qqqqq", tid, pid, ptid, pid, pid) + s16(comm) + s16(comm) + \
        s16("/usr/bin/" + comm) + s16(args) + s16(cwd) + \
        struct.pack("<QIIIIIIQQ", 1024, flags, uid, uid, 1000, 500, 0, 0, 0) + s16(b"") + \
        struct.pack("<qq", tid if vtid is None else vtid, pid if vpid is None else vpid) + \
        s16(cgroups) + s16("/") + struct.pack("<IB", 0xFFFFFFFF, 0)
    return struct.pack("<I", 4 + len(e)) + e


def threads(entries):
    return block(0x215, b"".join(entries))


def fdlist(tid, fds):
    body = struct.pack("<Q", tid)
    for fd, ino, ftype, payload in fds:
        e = struct.pack("<qQB", fd, ino, ftype) + payload
        body += struct.pack("<I", 4 + len(e)) + e
    return block(0x218, body)


def servsock4(ip, port, l4):
    return bytes(ip) + struct.pack("<HB", port, l4)


def unix_sock(src, dst, name):
    return struct.pack("<QQ", src, dst) + s16(name)


def tuple4(sip, sport, dip, dport):
    return bytes([2]) + bytes(sip) + struct.pack("<H", sport) + bytes(dip) + \
        struct.pack("<H", dport)


def sockaddr4(ip, port):
    return bytes([2]) + bytes(ip) + struct.pack("<H", port)


def write(name, blocks):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(b"".join(blocks))


T0 = 1500000000_000000000
LO = ("lo", [127, 0, 0, 1], [255, 0, 0, 0])
ETH = ("eth0", [192, 168, 128, 156], [255, 255, 240, 0])


def meta(thread_entries, fdlists, ifs=(LO, ETH)):
    return [shb(), machine(), interfaces(ifs), threads(thread_entries)] + fdlists


# t29: the event types sysdig 0.29 counts in evt.num but never shows (its EC_INTERNAL
# category): a capture's first event is often scapevent; drop, procinfo and the 4-field
# container event; between them a close pair, numbered after all of them.
write("t29_internal_events.scap", meta([thread(100, 100, 1, "probe")], [fdlist(100, [])]) + [
    event(T0 + 1, 100, "SCAPEVENT_E", 1, 0),
    event(T0 + 2, 100, "DROP_E", 1),
    event(T0 + 3, 100, "SYSCALL_CLOSE_E", 5),
    event(T0 + 4, 100, "SYSCALL_CLOSE_X", -9),
    event(T0 + 5, 100, "PROCINFO_E", 10, 20),
    event(T0 + 6, -1, "CONTAINER_E", "0123456789ab", 0, "probe", "busybox"),
    event(T0 + 7, 100, "SYSCALL_CLOSE_E", 6),
    event(T0 + 8, 100, "SYSCALL_CLOSE_X", -9),
])

# t30: accept and connect exits on an fd sysdig does not know: fd.name is the tuple as
# %evt.info prints it ("NULL" for the empty tuple of a failed call).
write("t30_accept_connect_unknown_fd.scap",
      meta([thread(200, 200, 1, "haproxy")],
           [fdlist(200, [(3, 7, 5, servsock4([0, 0, 0, 0], 80, 2))])]) + [
    event(T0 + 1, 200, "SOCKET_ACCEPT_5_E"),
    event(T0 + 2, 200, "SOCKET_ACCEPT_5_X", -11, b"", 0, 0, 128),
    event(T0 + 3, 200, "SOCKET_CONNECT_E", 4, sockaddr4([127, 0, 0, 1], 9)),
    event(T0 + 4, 200, "SOCKET_CONNECT_X", -111, b""),
    event(T0 + 5, 200, "SOCKET_CONNECT_E", 5, sockaddr4([127, 0, 0, 1], 9)),
    event(T0 + 6, 200, "SOCKET_CONNECT_X", -115,
          tuple4([127, 0, 0, 1], 40000, [127, 0, 0, 1], 9)),
])

# t31: a datagram sent on a socket the fd list has as a server socket: sysdig 0.29 keeps
# the server's port and protocol, and byte 7 of its socket union as the previous unix
# socket of the thread's fd list left it (0xff of a kernel address), in the destination.
write("t31_server_socket_tuple.scap",
      meta([thread(300, 300, 1, "haproxy")],
           [fdlist(300, [(3, 8, 8, unix_sock(0xffff8edc0541dc00, 0, "/run/probe.sock")),
                         (4, 9, 5, servsock4([0, 0, 0, 0], 55441, 3)),
                         (5, 10, 5, servsock4([0, 0, 0, 0], 1936, 2))])]) + [
    event(T0 + 1, 300, "SOCKET_SENDMSG_E", 4, 5,
          tuple4([0, 0, 0, 0], 55441, [127, 0, 0, 1], 514)),
    event(T0 + 2, 300, "SOCKET_SENDMSG_X", 5, b"hello"),
    event(T0 + 3, 300, "SOCKET_SENDTO_E", 5, 3,
          tuple4([0, 0, 0, 0], 1936, [10, 0, 0, 1], 53)),
    event(T0 + 4, 300, "SOCKET_SENDTO_X", 3, b"abc"),
])

# t32: unsigned parameter types sysdig 0.29 prints signed (futex val=-1, a UINT32 size of
# -1) and a signal set printed as names.
write("t32_signed_params.scap", meta([thread(400, 400, 1, "python")],
                                     [fdlist(400, [])]) + [
    event(T0 + 1, 400, "SYSCALL_FUTEX_E", 0x55A62C0C1F20, 128, -1),
    event(T0 + 2, 400, "SYSCALL_FUTEX_X", 0),
    event(T0 + 3, 400, "SYSCALL_WRITE_E", 1, 0xFFFFFFFF),
    event(T0 + 4, 400, "SYSCALL_WRITE_X", -14, b""),
    event(T0 + 5, 400, "SYSCALL_PPOLL_E", struct.pack("<H", 0), 1000, (1 << 16) | (1 << 1)),
    event(T0 + 6, 400, "SYSCALL_PPOLL_X", 0, struct.pack("<H", 0)),
])


def clone_x(ts, tid, res, comm, args, pid, ptid, flags, vtid, vpid, cpu=0):
    return event(ts, tid, "SYSCALL_CLONE_20_X", res, comm, args, tid, pid, ptid, "", 1024,
                 0, 0, 99192, 5644, 0, comm, b"cpu=/probe\0", flags, 1000, 1000, vtid,
                 vpid, cpu=cpu)


def switch(ts, tid, nxt, cpu=0):
    return event(ts, tid, "SCHEDSWITCH_6_E", nxt, 0, 0, 0, 0, 0, cpu=cpu)


# t33: the thread table at clone exits and switches. A thread's exit comes before its
# (unknown) process's: sysdig names the process after it (pid=842(curl), next=842(curl)). A
# clone in a container (vtid 1 for tid 700): the parent's res is the child's tid in the
# container, which sysdig does not add (res=5885, then vtid=5885 in the child's exit).
write("t33_clone_thread_table.scap",
      meta([thread(774, 774, 1, "bash"),
            thread(700, 700, 680, "python", args=b"/server.py\0", vtid=1, vpid=1)],
           [fdlist(774, []), fdlist(700, [])]) + [
    switch(T0 + 1, 774, 843, cpu=1),
    clone_x(T0 + 2, 843, 0, "curl", b"localhost/bar\0", 842, 774,
            PPM_CL_CLONE_THREAD | PPM_CL_CLONE_VM, 843, 842, cpu=1),
    switch(T0 + 3, 843, 842, cpu=1),
    clone_x(T0 + 4, 842, 843, "curl", b"localhost/bar\0", 842, 774,
            PPM_CL_CLONE_THREAD | PPM_CL_CLONE_VM, 842, 842, cpu=1),
    switch(T0 + 5, 0, 700),
    clone_x(T0 + 6, 700, 5885, "python", b"/server.py\0", 700, 680,
            PPM_CL_CLONE_THREAD | PPM_CL_CLONE_VM, 1, 1),
    switch(T0 + 7, 700, 844),
    clone_x(T0 + 8, 844, 0, "python", b"/server.py\0", 700, 680,
            PPM_CL_CLONE_THREAD | PPM_CL_CLONE_VM, 5885, 1),
    switch(T0 + 9, 844, 5885),
])
