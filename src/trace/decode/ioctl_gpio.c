/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the GPIO character device requests of linux/gpio.h (type 0xb4), v1 and v2. A
 * request that returns a line fd or fills in line details prints the input at entry and
 * " => " what the kernel wrote at exit.
 */
#include <string.h>
#include <sys/ioctl.h>
#include <linux/gpio.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(gpio_event_flags,
	XLAT_PAIR(GPIOEVENT_REQUEST_BOTH_EDGES),
	XLAT_PAIR(GPIOEVENT_REQUEST_RISING_EDGE),
	XLAT_PAIR(GPIOEVENT_REQUEST_FALLING_EDGE));

STATIC_XLAT(gpio_handle_flags,
	XLAT_PAIR(GPIOHANDLE_REQUEST_INPUT),
	XLAT_PAIR(GPIOHANDLE_REQUEST_OUTPUT),
	XLAT_PAIR(GPIOHANDLE_REQUEST_ACTIVE_LOW),
	XLAT_PAIR(GPIOHANDLE_REQUEST_OPEN_DRAIN),
	XLAT_PAIR(GPIOHANDLE_REQUEST_OPEN_SOURCE),
	XLAT_PAIR(GPIOHANDLE_REQUEST_BIAS_PULL_UP),
	XLAT_PAIR(GPIOHANDLE_REQUEST_BIAS_PULL_DOWN),
	XLAT_PAIR(GPIOHANDLE_REQUEST_BIAS_DISABLE));

STATIC_XLAT(gpio_line_flags,
	XLAT_PAIR(GPIOLINE_FLAG_KERNEL),
	XLAT_PAIR(GPIOLINE_FLAG_IS_OUT),
	XLAT_PAIR(GPIOLINE_FLAG_ACTIVE_LOW),
	XLAT_PAIR(GPIOLINE_FLAG_OPEN_DRAIN),
	XLAT_PAIR(GPIOLINE_FLAG_OPEN_SOURCE),
	XLAT_PAIR(GPIOLINE_FLAG_BIAS_PULL_UP),
	XLAT_PAIR(GPIOLINE_FLAG_BIAS_PULL_DOWN),
	XLAT_PAIR(GPIOLINE_FLAG_BIAS_DISABLE));

STATIC_XLAT(gpio_v2_line_flags,
	XLAT_PAIR(GPIO_V2_LINE_FLAG_USED),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_ACTIVE_LOW),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_INPUT),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_OUTPUT),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_EDGE_RISING),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_EDGE_FALLING),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_OPEN_DRAIN),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_OPEN_SOURCE),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_BIAS_PULL_UP),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_BIAS_DISABLED),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME),
	XLAT_PAIR(GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE));

IOC_STRUCT_OF(gpiochip_info_desc, struct gpiochip_info,
	IOC_FS(struct gpiochip_info, name),
	IOC_FS(struct gpiochip_info, label),
	IOC_F(struct gpiochip_info, lines, IOC_U));

IOC_STRUCT_OF(gpioline_info_in, struct gpioline_info,
	IOC_F(struct gpioline_info, line_offset, IOC_U));
IOC_STRUCT_OF(gpioline_info_out, struct gpioline_info,
	IOC_FX(struct gpioline_info, flags, IOC_FLAGS, gpio_line_flags, "GPIOLINE_FLAG_???"),
	IOC_FS(struct gpioline_info, name),
	IOC_FS(struct gpioline_info, consumer));

struct gpio_unwatch {
	uint32_t offset;
};
IOC_STRUCT_OF(gpio_unwatch_desc, struct gpio_unwatch,
	IOC_F(struct gpio_unwatch, offset, IOC_U));

IOC_STRUCT_OF(gpiohandle_request_in, struct gpiohandle_request,
	IOC_F(struct gpiohandle_request, lines, IOC_U),
	IOC_FA_UPTO(struct gpiohandle_request, lineoffsets, IOC_U, lines),
	IOC_FX(struct gpiohandle_request, flags, IOC_FLAGS, gpio_handle_flags,
	       "GPIOHANDLE_REQUEST_???"),
	IOC_FA_UPTO(struct gpiohandle_request, default_values, IOC_U, lines),
	IOC_FS(struct gpiohandle_request, consumer_label));
IOC_STRUCT_OF(gpiohandle_request_out, struct gpiohandle_request,
	IOC_F(struct gpiohandle_request, fd, IOC_FDNUM));

IOC_STRUCT_OF(gpioevent_request_in, struct gpioevent_request,
	IOC_F(struct gpioevent_request, lineoffset, IOC_U),
	IOC_FX(struct gpioevent_request, handleflags, IOC_FLAGS, gpio_handle_flags,
	       "GPIOHANDLE_REQUEST_???"),
	IOC_FX(struct gpioevent_request, eventflags, IOC_FLAGS, gpio_event_flags,
	       "GPIOEVENT_REQUEST_???"),
	IOC_FS(struct gpioevent_request, consumer_label));
IOC_STRUCT_OF(gpioevent_request_out, struct gpioevent_request,
	IOC_F(struct gpioevent_request, fd, IOC_FDNUM));

IOC_STRUCT_OF(gpiohandle_data_desc, struct gpiohandle_data,
	IOC_FA(struct gpiohandle_data, values, IOC_U));

IOC_STRUCT_OF(gpiohandle_config_desc, struct gpiohandle_config,
	IOC_FX(struct gpiohandle_config, flags, IOC_FLAGS, gpio_handle_flags,
	       "GPIOHANDLE_REQUEST_???"),
	IOC_FA(struct gpiohandle_config, default_values, IOC_U));

IOC_STRUCT_OF(gpio_v2_line_values_in, struct gpio_v2_line_values,
	IOC_F(struct gpio_v2_line_values, mask, IOC_X));
IOC_STRUCT_OF(gpio_v2_line_values_out, struct gpio_v2_line_values,
	IOC_F(struct gpio_v2_line_values, bits, IOC_X));
IOC_STRUCT_OF(gpio_v2_line_values_desc, struct gpio_v2_line_values,
	IOC_F(struct gpio_v2_line_values, bits, IOC_X),
	IOC_F(struct gpio_v2_line_values, mask, IOC_X));

IOC_STRUCT_OF(gpio_v2_line_info_in, struct gpio_v2_line_info,
	IOC_F(struct gpio_v2_line_info, offset, IOC_U));

IOC_STRUCT_OF(gpio_v2_line_request_out, struct gpio_v2_line_request,
	IOC_F(struct gpio_v2_line_request, fd, IOC_FDNUM));

/*
 * A line attribute: the member of its union its id selects ({flags=...}, {values=0x3},
 * {debounce_period_us=10}); an unknown id or a nonzero padding prints raw, as a field
 * "attr" when AS_FIELD: {id=4, padding=0x1, data=0x...}.
 */
static void print_line_attribute(struct sc *sc, const struct gpio_v2_line_attribute *a,
				 bool as_field)
{
	struct pr *p = sc->p;

	if (!a->padding) {
		switch (a->id) {
		case GPIO_V2_LINE_ATTR_ID_FLAGS:
			pr_field(p, "flags");
			pr_flags(p, &gpio_v2_line_flags, a->flags, "GPIO_V2_LINE_FLAG_???");
			return;
		case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
			pr_field(p, "values");
			pr_hex(p, a->values);
			return;
		case GPIO_V2_LINE_ATTR_ID_DEBOUNCE:
			pr_field(p, "debounce_period_us");
			pr_uint(p, a->debounce_period_us);
			return;
		}
	}
	if (as_field) {
		pr_field(p, "attr");
		pr_struct_begin(p);
	}
	pr_field(p, "id");
	pr_uint(p, a->id);
	if (a->padding) {
		pr_field(p, "padding");
		pr_hex(p, a->padding);
	}
	pr_field(p, "data");
	pr_hex(p, a->values);
	if (as_field)
		pr_struct_end(p);
}

static bool all_zero(const void *buf, size_t n)
{
	const uint8_t *b = buf;
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

/* The padding words of a v2 struct print only when something is set in them. */
static void print_padding(struct sc *sc, const uint32_t *pad, size_t n)
{
	if (all_zero(pad, n * sizeof(*pad)))
		return;
	pr_field(sc->p, "padding");
	pr_array_begin(sc->p);
	for (size_t i = 0; i < n; i++)
		pr_hex(sc->p, pad[i]);
	pr_array_end(sc->p);
}

static unsigned upto(uint32_t n, unsigned max)
{
	return n < max ? n : max;
}

static void print_line_config(struct sc *sc, const struct gpio_v2_line_config *lc)
{
	struct pr *p = sc->p;
	pr_field(p, "flags");
	pr_flags(p, &gpio_v2_line_flags, lc->flags, "GPIO_V2_LINE_FLAG_???");
	pr_field(p, "num_attrs");
	pr_uint(p, lc->num_attrs);
	print_padding(sc, lc->padding, sizeof(lc->padding) / sizeof(lc->padding[0]));
	if (!lc->num_attrs)
		return;
	pr_field(p, "attrs");
	pr_array_begin(p);
	for (unsigned i = 0; i < upto(lc->num_attrs, GPIO_V2_LINE_NUM_ATTRS_MAX); i++) {
		pr_struct_begin(p);
		print_line_attribute(sc, &lc->attrs[i].attr, true);
		pr_field(p, "mask");
		pr_hex(p, lc->attrs[i].mask);
		pr_struct_end(p);
	}
	pr_array_end(p);
}

static int line_set_config(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct gpio_v2_line_config lc;
	if (fetch_or_print_addr(sc, arg, &lc, sizeof(lc))) {
		pr_struct_begin(sc->p);
		print_line_config(sc, &lc);
		pr_struct_end(sc->p);
	}
	return IOC_ARG_DONE;
}

/* GPIO_V2_GET_LINEINFO(_WATCH): the offset at entry, the line's details at exit. */
static int line_info(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct gpio_v2_line_info li;
	struct pr *p = sc->p;

	if (!sc->exiting)
		return ioc_print_struct_at(sc, &gpio_v2_line_info_in, arg) ? IOC_LATER
									   : IOC_ARG_DONE;
	if (sc_failed(sc) || !peek_mem(sc, arg, &li, sizeof(li)))
		return IOC_ARG_DONE;
	pr_join(p, " => ");
	pr_struct_begin(p);
	pr_field(p, "name");
	ioc_print_cstr(p, li.name, sizeof(li.name));
	pr_field(p, "consumer");
	ioc_print_cstr(p, li.consumer, sizeof(li.consumer));
	pr_field(p, "flags");
	pr_flags(p, &gpio_v2_line_flags, li.flags, "GPIO_V2_LINE_FLAG_???");
	pr_field(p, "num_attrs");
	pr_uint(p, li.num_attrs);
	if (li.num_attrs) {
		pr_field(p, "attrs");
		pr_array_begin(p);
		for (unsigned i = 0; i < upto(li.num_attrs, GPIO_V2_LINE_NUM_ATTRS_MAX); i++) {
			pr_struct_begin(p);
			print_line_attribute(sc, &li.attrs[i], false);
			pr_struct_end(p);
		}
		pr_array_end(p);
	}
	print_padding(sc, li.padding, sizeof(li.padding) / sizeof(li.padding[0]));
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* GPIO_V2_GET_LINE: the lines and their configuration at entry, the line fd at exit. */
static int line_request(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct gpio_v2_line_request lr;
	struct pr *p = sc->p;

	if (sc->exiting) {
		if (!sc_failed(sc) && peek_mem(sc, arg, &lr, sizeof(lr))) {
			pr_join(p, " => ");
			ioc_print_struct(sc, &gpio_v2_line_request_out, &lr);
		}
		return IOC_ARG_DONE;
	}
	if (!fetch_or_print_addr(sc, arg, &lr, sizeof(lr)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "num_lines");
	pr_uint(p, lr.num_lines);
	pr_field(p, "offsets");
	pr_array_begin(p);
	for (unsigned i = 0; i < upto(lr.num_lines, GPIO_V2_LINES_MAX); i++) {
		if (array_more_at(sc, i))
			break;
		pr_uint(p, lr.offsets[i]);
	}
	pr_array_end(p);
	pr_field(p, "consumer");
	ioc_print_cstr(p, lr.consumer, sizeof(lr.consumer));
	pr_field(p, "config");
	pr_struct_begin(p);
	print_line_config(sc, &lr.config);
	pr_struct_end(p);
	if (lr.event_buffer_size) {
		pr_field(p, "event_buffer_size");
		pr_uint(p, lr.event_buffer_size);
	}
	print_padding(sc, lr.padding, sizeof(lr.padding) / sizeof(lr.padding[0]));
	pr_struct_end(p);
	return IOC_LATER;
}

IOC_FAMILY(gpio_family,
	IOC_C_STRUCT(GPIO_GET_CHIPINFO_IOCTL, IOA_OUT, gpiochip_info_desc),
	IOC_C_STRUCT(GPIO_GET_LINEINFO_UNWATCH_IOCTL, IOA_IN, gpio_unwatch_desc),
	IOC_C_FN(GPIO_V2_GET_LINEINFO_IOCTL, line_info),
	IOC_C_FN(GPIO_V2_GET_LINEINFO_WATCH_IOCTL, line_info),
	IOC_C_FN(GPIO_V2_GET_LINE_IOCTL, line_request),
	IOC_C_FN(GPIO_V2_LINE_SET_CONFIG_IOCTL, line_set_config),
	IOC_C_INOUT(GPIO_V2_LINE_GET_VALUES_IOCTL, gpio_v2_line_values_in,
		    gpio_v2_line_values_out),
	IOC_C_STRUCT(GPIO_V2_LINE_SET_VALUES_IOCTL, IOA_IN, gpio_v2_line_values_desc),
	IOC_C_INOUT(GPIO_GET_LINEINFO_IOCTL, gpioline_info_in, gpioline_info_out),
	IOC_C_INOUT(GPIO_GET_LINEINFO_WATCH_IOCTL, gpioline_info_in, gpioline_info_out),
	IOC_C_INOUT(GPIO_GET_LINEHANDLE_IOCTL, gpiohandle_request_in, gpiohandle_request_out),
	IOC_C_INOUT(GPIO_GET_LINEEVENT_IOCTL, gpioevent_request_in, gpioevent_request_out),
	IOC_C_STRUCT(GPIOHANDLE_GET_LINE_VALUES_IOCTL, IOA_OUT, gpiohandle_data_desc),
	IOC_C_STRUCT(GPIOHANDLE_SET_LINE_VALUES_IOCTL, IOA_IN, gpiohandle_data_desc),
	IOC_C_STRUCT(GPIOHANDLE_SET_CONFIG_IOCTL, IOA_IN, gpiohandle_config_desc));

int gpio_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &gpio_family, code, arg);
}
