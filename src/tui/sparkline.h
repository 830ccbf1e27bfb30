/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Beyond csysdig: each row's last SPARK_N values of the sorting column, drawn as a sparkline
 * of unicode block characters (U+2581..U+2588), scaled to the row's largest value. Rows are
 * known by their key; a row missing from a sample loses its history.
 */
#ifndef SYSRAY_TUI_SPARKLINE_H
#define SYSRAY_TUI_SPARKLINE_H

#include "output/out.h"

#define SPARK_N 16

struct spark_hist;

struct spark_hist *spark_new(void);
void spark_free(struct spark_hist *h);
/* Forgets every row (another view, another sorting column). */
void spark_reset(struct spark_hist *h);
/* A new sample: spark_add() for each of its rows, then spark_end_sample(). */
void spark_add(struct spark_hist *h, const char *key, double v);
void spark_end_sample(struct spark_hist *h);
/* KEY's sparkline, SPARK_N characters (blank where there is no value yet), appended to O. */
void spark_render(const struct spark_hist *h, const char *key, struct out *o);

#endif
