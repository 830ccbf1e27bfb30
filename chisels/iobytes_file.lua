-- SPDX-License-Identifier: Apache-2.0
--
-- iobytes_file: bytes read and written per second on files (see sysray/iobytes.lua for the
-- line format).

local iobytes = require "sysray.iobytes"

description = "Every second, prints how many bytes were read from and written to files, and both together. A second with no file I/O prints no line."
short_description = "Bytes read and written per second on files"
category = "I/O"
args = {}

on_init, on_event, on_interval = iobytes.callbacks("evt.is_io=true and fd.type=file")
