-- SPDX-License-Identifier: Apache-2.0
--
-- iobytes: bytes read and written per second on file descriptors of every kind
-- (see sysray/iobytes.lua for the line format).

local iobytes = require "sysray.iobytes"

description = "Every second, prints how many bytes were read, written and moved in total through file descriptors of every kind: files, sockets, pipes and the rest. A second with no I/O prints no line."
short_description = "Bytes read and written per second, any FD type"
category = "I/O"
args = {}

on_init, on_event, on_interval = iobytes.callbacks("evt.is_io=true")
