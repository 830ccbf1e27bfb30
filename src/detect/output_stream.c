/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The channels that write the line to a stream: stdout, a file (file_output) and a program's
 * standard input (program_output). Each alert is one line; the stream is flushed per alert,
 * as Falco's unbuffered outputs are.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "detect/output_channel.h"
#include "detect/output_stdout.h"
#include "util/util.h"

struct stream_channel {
	struct output_channel c;
	char *target;		/* file name or shell command */
	FILE *f;
};

/* Writes A's line and a newline to F and flushes. */
static int put_line(FILE *f, const struct alert *a, bool json, const char *what, char *err,
		    size_t errlen)
{
	if (fputs(json ? a->json : a->text, f) == EOF || fputc('\n', f) == EOF ||
	    fflush(f) == EOF) {
		snprintf(err, errlen, "%s: %s", what, strerror(errno));
		clearerr(f);
		return -1;
	}
	return 0;
}

/* The engine's printer (detect/output_stdout.h), its errors seen on the stream. */
static int stdout_write(struct output_channel *c, const struct alert *a, bool json, char *err,
			size_t errlen)
{
	alert_to_stdout(a, json);
	if (!ferror(stdout))
		return 0;
	snprintf(err, errlen, "stdout: %s", strerror(errno));
	clearerr(stdout);
	return -1;
}

static void stream_free(struct output_channel *c)
{
	struct stream_channel *s = (struct stream_channel *)c;

	if (c->ops->release)
		c->ops->release(c);
	free(s->target);
	free(s);
}

static struct output_channel *stream_new(const char *name, const struct output_channel_ops *ops,
					 const char *target)
{
	struct stream_channel *s = xcalloc(1, sizeof(*s));

	s->c.name = name;
	s->c.ops = ops;
	s->target = target ? xstrdup(target) : NULL;
	return &s->c;
}

static const struct output_channel_ops stdout_ops = {
	.write = stdout_write,
	.free = stream_free,
};

struct output_channel *stdout_output_new(void)
{
	return stream_new("stdout_output", &stdout_ops, NULL);
}

/* file_output.filename and program_output.program: the one key naming the target */
static enum output_option set_target(struct output_channel *c, const char *key, const char *want,
				     const char *value)
{
	struct stream_channel *s = (struct stream_channel *)c;

	if (strcmp(key, want))
		return OUTPUT_OPTION_NOT_MINE;
	free(s->target);
	s->target = xstrdup(value);
	return OUTPUT_OPTION_SET;
}

static enum output_option file_option(struct output_channel *c, const char *key,
				      const char *value, char *err, size_t errlen)
{
	return set_target(c, key, "filename", value);
}

static enum output_option program_option(struct output_channel *c, const char *key,
					 const char *value, char *err, size_t errlen)
{
	return set_target(c, key, "program", value);
}

/* Appends; created private to root (alerts show command lines and file names). */
static int file_open(struct stream_channel *s, char *err, size_t errlen)
{
	int fd = open(s->target, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

	if (fd < 0 || !(s->f = fdopen(fd, "a"))) {
		snprintf(err, errlen, "%s: %s", s->target, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return 0;
}

static void file_release(struct output_channel *c)
{
	struct stream_channel *s = (struct stream_channel *)c;

	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

/* The file can be opened now: a wrong path stops the run before the first alert. */
static bool file_start(struct output_channel *c, char *err, size_t errlen)
{
	struct stream_channel *s = (struct stream_channel *)c;

	if (!s->target || !*s->target) {
		snprintf(err, errlen, "file_output.filename is empty");
		return false;
	}
	if (file_open(s, err, errlen))
		return false;
	if (!c->keep_alive)
		file_release(c);
	return true;
}

static int file_write(struct output_channel *c, const struct alert *a, bool json, char *err,
		      size_t errlen)
{
	struct stream_channel *s = (struct stream_channel *)c;
	int r;

	if (!s->f && file_open(s, err, errlen))
		return -1;
	r = put_line(s->f, a, json, s->target, err, errlen);
	if (!c->keep_alive)
		file_release(c);
	return r;
}

static const struct output_channel_ops file_ops = {
	.option = file_option,
	.start = file_start,
	.write = file_write,
	.release = file_release,
	.free = stream_free,
};

struct output_channel *file_output_new(void)
{
	return stream_new("file_output", &file_ops, "./events.txt");
}

/*
 * The program's end: pclose() waits for it. A program that exits on its own with a non-zero
 * status (the shell's 127 for a missing command) is an error.
 */
static int program_close(struct stream_channel *s, char *err, size_t errlen)
{
	int status;

	if (!s->f)
		return 0;
	status = pclose(s->f);
	s->f = NULL;
	if (status == -1) {
		snprintf(err, errlen, "%s: %s", s->target, strerror(errno));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status)) {
		snprintf(err, errlen, "`%s` exited with status %d", s->target,
			 WEXITSTATUS(status));
		return -1;
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) != SIGPIPE) {
		snprintf(err, errlen, "`%s` was killed by signal %d", s->target,
			 WTERMSIG(status));
		return -1;
	}
	return 0;
}

static void program_release(struct output_channel *c)
{
	char err[256];

	program_close((struct stream_channel *)c, err, sizeof(err));
}

static bool program_start(struct output_channel *c, char *err, size_t errlen)
{
	struct stream_channel *s = (struct stream_channel *)c;

	if (!s->target || !*s->target) {
		snprintf(err, errlen, "program_output.program is empty");
		return false;
	}
	return true;
}

/*
 * A program that has exited makes the write fail with EPIPE, and raise SIGPIPE, which would
 * end sysray: the signal is blocked around the write and a pending one taken back.
 */
static int program_write(struct output_channel *c, const struct alert *a, bool json, char *err,
			 size_t errlen)
{
	struct stream_channel *s = (struct stream_channel *)c;
	sigset_t pipe_set, old, pending;
	int r;

	if (!s->f && !(s->f = popen(s->target, "we"))) {
		snprintf(err, errlen, "%s: %s", s->target, strerror(errno));
		return -1;
	}
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	r = put_line(s->f, a, json, s->target, err, errlen);
	sigpending(&pending);
	if (sigismember(&pending, SIGPIPE) && !sigismember(&old, SIGPIPE))
		sigtimedwait(&pipe_set, NULL, &(struct timespec){ 0 });
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (r) {
		char why[256];

		/* the program's own status says more than EPIPE */
		if (program_close(s, why, sizeof(why)))
			snprintf(err, errlen, "%s", why);
		return -1;
	}
	if (!c->keep_alive)
		return program_close(s, err, errlen);
	return 0;
}

static const struct output_channel_ops program_ops = {
	.option = program_option,
	.start = program_start,
	.write = program_write,
	.release = program_release,
	.free = stream_free,
};

struct output_channel *program_output_new(void)
{
	return stream_new("program_output", &program_ops, NULL);
}
