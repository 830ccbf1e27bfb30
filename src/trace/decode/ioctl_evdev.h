/* SPDX-License-Identifier: Apache-2.0 */
/* The names of input event codes (decode/ioctl_evdev_names.c), for the evdev requests. */
#ifndef SYSRAY_TRACE_DECODE_IOCTL_EVDEV_H
#define SYSRAY_TRACE_DECODE_IOCTL_EVDEV_H

#include "schema/xlat.h"

extern const struct xlat evdev_abs, evdev_autorepeat, evdev_ev, evdev_ff_status, evdev_ff_types,
	evdev_keycode, evdev_leds, evdev_misc, evdev_mtslots, evdev_prop, evdev_relative_axes,
	evdev_snd, evdev_switch;

#endif
