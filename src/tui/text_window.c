/* SPDX-License-Identifier: Apache-2.0 */
/* A command's output in a window (text_window.h). */
#include "tui/text_window.h"

#include <errno.h>
#include <fcntl.h>
#include <ncurses.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output/out.h"
#include "util/util.h"

/* Lines kept: a live command prints for ever; past this the oldest go. */
#define MAX_LINES 100000

struct text_window {
	char *title;
	pid_t pid;
	int fd;			/* the command's output; -1 once it ended */
	char **lines;
	size_t n, cap;
	struct out partial;	/* a line not ended yet */
	size_t top;		/* the first line shown */
	bool follow;		/* at the end: new lines scroll in */
};

extern char **environ;

struct text_window *text_window_open(const char *title, char *const argv[], char *err,
				     size_t errlen)
{
	int pfd[2];
	posix_spawn_file_actions_t fa;

	if (pipe2(pfd, O_CLOEXEC)) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return NULL;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 2);
	struct text_window *w = xcalloc(1, sizeof(*w));
	int rc = posix_spawn(&w->pid, argv[0], &fa, NULL, argv, environ);

	posix_spawn_file_actions_destroy(&fa);
	close(pfd[1]);
	if (rc) {
		snprintf(err, errlen, "%s: %s", argv[0], strerror(rc));
		close(pfd[0]);
		free(w);
		return NULL;
	}
	fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	w->fd = pfd[0];
	w->title = xstrdup(title);
	w->follow = true;
	return w;
}

static void add_line(struct text_window *w);

struct text_window *text_window_show(const char *title, const char *text)
{
	struct text_window *w = xcalloc(1, sizeof(*w));

	w->title = xstrdup(title);
	w->fd = -1;
	w->pid = -1;	/* no command: the text shows from its top */
	for (const char *p = text; *p; p++) {
		if (*p == '\n')
			add_line(w);
		else
			out_putc(&w->partial, *p);
	}
	if (w->partial.len)
		add_line(w);
	return w;
}

static void add_line(struct text_window *w)
{
	out_putc(&w->partial, 0);
	if (w->n == MAX_LINES) {
		free(w->lines[0]);
		memmove(w->lines, w->lines + 1, (w->n - 1) * sizeof(*w->lines));
		w->n--;
	}
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		w->lines = xrealloc(w->lines, w->cap * sizeof(*w->lines));
	}
	w->lines[w->n++] = xstrdup(w->partial.buf);
	w->partial.len = 0;
}

static void read_output(struct text_window *w)
{
	char buf[65536];
	ssize_t got;

	if (w->fd < 0)
		return;
	while (w->fd >= 0 && (got = read(w->fd, buf, sizeof(buf))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				break;
			return;
		}
		for (ssize_t i = 0; i < got; i++) {
			if (buf[i] == '\n')
				add_line(w);
			else if (buf[i] != '\r')
				out_putc(&w->partial, buf[i]);
		}
	}
	/* the end of the output */
	if (w->partial.len)
		add_line(w);
	close(w->fd);
	w->fd = -1;
}

static void draw(struct text_window *w)
{
	int h, wd;

	getmaxyx(stdscr, h, wd);
	size_t body = h > 2 ? (size_t)h - 2 : 1;

	if (w->follow)
		w->top = w->n > body ? w->n - body : 0;
	erase();
	attron(A_REVERSE);
	mvprintw(0, 0, "%-*.*s", wd, wd, w->title);
	attroff(A_REVERSE);
	for (size_t i = 0; i < body && w->top + i < w->n; i++)
		mvprintw(1 + (int)i, 0, "%.*s", wd, w->lines[w->top + i]);
	attron(A_REVERSE);
	mvprintw(h - 1, 0, "%*s", wd, "");
	if (w->pid > 0)
		mvprintw(h - 1, 0, "Lines: %zu%s  ", w->n, w->fd < 0 ? " (end)" : "");
	else
		move(h - 1, 0);
	printw("Arrows, PgUp/PgDn, Home/End: scroll  Backspace: back");
	attroff(A_REVERSE);
	refresh();
}

bool text_window_update(struct text_window *w, int c)
{
	int h = getmaxy(stdscr);
	size_t body = h > 2 ? (size_t)h - 2 : 1;
	size_t last = w->n > body ? w->n - body : 0;

	read_output(w);
	switch (c) {
	case KEY_BACKSPACE: case 127: case 8: case 'q': case 27:
		return false;
	case KEY_UP: w->top = w->top ? w->top - 1 : 0; w->follow = false; break;
	case KEY_DOWN: w->top = w->top < last ? w->top + 1 : last; break;
	case KEY_PPAGE: w->top = w->top > body ? w->top - body : 0; w->follow = false; break;
	case KEY_NPAGE: w->top = w->top + body < last ? w->top + body : last; break;
	case KEY_HOME: w->top = 0; w->follow = false; break;
	case KEY_END: w->top = last; break;
	default: break;
	}
	if (c == KEY_DOWN || c == KEY_NPAGE || c == KEY_END)
		w->follow = w->top == last;
	draw(w);
	return true;
}

void text_window_close(struct text_window *w)
{
	if (w->fd >= 0)
		close(w->fd);
	if (w->pid > 0) {
		kill(w->pid, SIGINT);
		waitpid(w->pid, NULL, 0);
	}
	for (size_t i = 0; i < w->n; i++)
		free(w->lines[i]);
	free(w->lines);
	out_free(&w->partial);
	free(w->title);
	free(w);
}
