-- SPDX-License-Identifier: Apache-2.0
--
-- iobytes_net: bytes received and sent per second on IPv4 and IPv6 sockets (see
-- sysray/iobytes.lua for the line format).

local iobytes = require "sysray.iobytes"

description = "Every second, prints how many bytes were received and sent over IPv4 and IPv6 sockets, and both together. A second with no network I/O prints no line."
short_description = "Network bytes in and out per second"
category = "Net"
args = {}

on_init, on_event, on_interval = iobytes.callbacks("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)")
