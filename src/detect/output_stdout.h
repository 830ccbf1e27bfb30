/* SPDX-License-Identifier: Apache-2.0 */
/* The stdout alert output (Falco's stdout_output). */
#ifndef SYSRAY_DETECT_OUTPUT_STDOUT_H
#define SYSRAY_DETECT_OUTPUT_STDOUT_H

#include <stdbool.h>

#include "detect/alert.h"

/* Writes A to stdout, one line: its JSON object when JSON, else its text line. Flushed: an
 * alert is seen when it happens, not when a buffer fills. */
void alert_to_stdout(const struct alert *a, bool json);

#endif
