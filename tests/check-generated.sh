#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Fails when a checked-in generated source is not what its generator makes of its input
# (someone edited the output by hand, or the input without running `make`).
# Usage: tests/check-generated.sh
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
python3 scripts/gen_event_table.py --check src/schema/event_table.in \
	src/schema/event_codes.h src/capture/event_table.c
