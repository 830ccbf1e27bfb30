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
#include "tui/menu.h"
#include "util/util.h"

/* Lines kept: a live command prints for ever; past this the oldest go. */
#define MAX_LINES 100000

/* csysdig's renderings of I/O buffers, in F2's order, and sysdig's flag for each. */
static const struct {
	const char *name, *flag;
} renderings[] = {
	{ "dotted ASCII", NULL }, { "printable ASCII", "-A" }, { "hex", "-X" },
};

struct text_window {
	char *title;
	char **argv;		/* the command (NULL: a fixed text) */
	size_t render;		/* the rendering flag goes before argv[render]; 0: none */
	size_t rendering;	/* renderings[rendering] */
	pid_t pid;
	int fd;			/* the command's output; -1 once it ended */
	char **lines;
	size_t n, cap;
	struct out partial;	/* a line not ended yet */
	size_t top;		/* the first line shown */
	bool follow;		/* at the end: new lines scroll in */
	struct tui_prompt *prompt;	/* the search's text being typed */
	char search[128];	/* the text searched; F3 finds its next line */
	size_t found;		/* the line found + 1; 0: none */
	char msg[160];
};

extern char **environ;

/* Starts the command with the current rendering; false with ERR filled. */
static bool spawn_command(struct text_window *w, char *err, size_t errlen)
{
	int pfd[2];
	posix_spawn_file_actions_t fa;
	size_t argc = 0;

	while (w->argv[argc])
		argc++;
	char **argv = xcalloc(argc + 2, sizeof(*argv));
	size_t n = 0;

	for (size_t i = 0; i < argc; i++) {
		if (w->render && i == w->render && renderings[w->rendering].flag)
			argv[n++] = (char *)renderings[w->rendering].flag;
		argv[n++] = w->argv[i];
	}
	if (pipe2(pfd, O_CLOEXEC)) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		free(argv);
		return false;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 2);
	int rc = posix_spawn(&w->pid, argv[0], &fa, NULL, argv, environ);

	posix_spawn_file_actions_destroy(&fa);
	close(pfd[1]);
	free(argv);
	if (rc) {
		snprintf(err, errlen, "%s: %s", w->argv[0], strerror(rc));
		close(pfd[0]);
		w->pid = -1;
		return false;
	}
	fcntl(pfd[0], F_SETFL, O_NONBLOCK);
	w->fd = pfd[0];
	return true;
}

/* Ends the command (SIGINT, as a user's Ctrl-C) and closes its output. */
static void end_command(struct text_window *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	if (w->pid > 0) {
		kill(w->pid, SIGINT);
		waitpid(w->pid, NULL, 0);
	}
	w->pid = -1;
}

static void clear_lines(struct text_window *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->lines[i]);
	w->n = 0;
	w->top = 0;
	w->found = 0;
	w->partial.len = 0;
	w->follow = true;
}

struct text_window *text_window_open(const char *title, char *const argv[], size_t render,
				     char *err, size_t errlen)
{
	struct text_window *w = xcalloc(1, sizeof(*w));
	size_t argc = 0;

	while (argv[argc])
		argc++;
	w->argv = xcalloc(argc + 1, sizeof(*w->argv));
	for (size_t i = 0; i < argc; i++)
		w->argv[i] = xstrdup(argv[i]);
	w->render = render < argc ? render : 0;
	w->fd = -1;
	w->title = xstrdup(title);
	w->follow = true;
	if (!spawn_command(w, err, errlen)) {
		text_window_close(w);
		return NULL;
	}
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
		if (w->found)
			w->found--;
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

/* The first line from FROM on holding the search's text, shown at the top. */
static void find(struct text_window *w, size_t from)
{
	for (size_t i = from; i < w->n; i++)
		if (strstr(w->lines[i], w->search)) {
			w->found = i + 1;
			w->top = i;
			w->follow = false;
			return;
		}
	snprintf(w->msg, sizeof(w->msg), "'%s' not found", w->search);
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
	for (size_t i = 0; i < body && w->top + i < w->n; i++) {
		bool hit = w->found == w->top + i + 1;

		if (hit)
			attron(A_BOLD | A_UNDERLINE);
		mvprintw(1 + (int)i, 0, "%.*s", wd, w->lines[w->top + i]);
		if (hit)
			attroff(A_BOLD | A_UNDERLINE);
	}
	attron(A_REVERSE);
	mvprintw(h - 1, 0, "%*s", wd, "");
	move(h - 1, 0);
	if (*w->msg)
		printw("%s  ", w->msg);
	if (w->argv)
		printw("Lines: %zu%s  ", w->n, w->fd < 0 ? " (end)" : "");
	if (w->render)
		printw("F2: %s  ", renderings[w->rendering].name);
	printw("/: search  F3: next  Arrows, PgUp/PgDn, Home/End: scroll  Backspace: back");
	attroff(A_REVERSE);
	refresh();
	if (w->prompt)
		tui_prompt_draw(w->prompt);
}

/* A key while the search's text is typed. */
static void search_key(struct text_window *w, int c)
{
	int r = tui_prompt_key(w->prompt, c);

	if (r == TUI_OPEN)
		return;
	if (!r && *tui_prompt_text(w->prompt)) {
		snprintf(w->search, sizeof(w->search), "%s", tui_prompt_text(w->prompt));
		find(w, w->top);
	}
	tui_prompt_close(w->prompt);
	w->prompt = NULL;
}

/* F2: the command again, from its start, with the next rendering. */
static void next_rendering(struct text_window *w)
{
	end_command(w);
	clear_lines(w);
	w->rendering = (w->rendering + 1) % ARRAY_SIZE(renderings);
	spawn_command(w, w->msg, sizeof(w->msg));
}

bool text_window_update(struct text_window *w, int c)
{
	int h = getmaxy(stdscr);
	size_t body = h > 2 ? (size_t)h - 2 : 1;
	size_t last;

	read_output(w);
	last = w->n > body ? w->n - body : 0;
	if (c != ERR)
		*w->msg = 0;
	if (w->prompt) {
		search_key(w, c);
		draw(w);
		return true;
	}
	switch (c) {
	case KEY_BACKSPACE: case 127: case 8: case 'q': case 27:
		return false;
	case KEY_UP: w->top = w->top ? w->top - 1 : 0; w->follow = false; break;
	case KEY_DOWN: w->top = w->top < last ? w->top + 1 : last; break;
	case KEY_PPAGE: w->top = w->top > body ? w->top - body : 0; w->follow = false; break;
	case KEY_NPAGE: w->top = w->top + body < last ? w->top + body : last; break;
	case KEY_HOME: w->top = 0; w->follow = false; break;
	case KEY_END: w->top = last; break;
	case '/': case 6: /* CTRL+F */ w->prompt = tui_prompt_open("Search", 127); break;
	case KEY_F(3):
		if (*w->search)
			find(w, w->found);
		break;
	case KEY_F(2):
		if (w->render)
			next_rendering(w);
		break;
	default: break;
	}
	if (c == KEY_DOWN || c == KEY_NPAGE || c == KEY_END)
		w->follow = w->top == last;
	draw(w);
	return true;
}

void text_window_close(struct text_window *w)
{
	end_command(w);
	clear_lines(w);
	free(w->lines);
	out_free(&w->partial);
	tui_prompt_close(w->prompt);
	for (size_t i = 0; w->argv && w->argv[i]; i++)
		free(w->argv[i]);
	free(w->argv);
	free(w->title);
	free(w);
}
