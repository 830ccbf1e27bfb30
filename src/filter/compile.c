/*
 * From syntax tree to typed predicates: resolve each field name against the registry,
 * check that the operator applies to the field's type, convert each value once.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter_int.h"
#include "util/util.h"

struct compiler {
	const struct field_registry *reg;
	struct filter_error *err;
	bool failed;
};

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (c->failed)
		return;
	c->failed = true;
	c->err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(c->err->msg, sizeof(c->err->msg), fmt, ap);
	va_end(ap);
}

static void unknown_field(struct compiler *c, const char *name, size_t pos)
{
	const char *near = field_registry_suggest(c->reg, name);

	if (near)
		fail(c, pos, "unknown field '%s' (did you mean '%s'?)", name, near);
	else
		fail(c, pos, "unknown field '%s'", name);
}

static bool is_index(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static const char *arg_syntax(const struct field_desc *f, char *buf, size_t size)
{
	const char *dot = (f->arg_flags & FA_DOT) ? ".NAME" : "";
	const char *br = (f->arg_flags & FA_INDEX) ? ((f->arg_flags & FA_KEY) ? "[N or NAME]" : "[N]")
						     : ((f->arg_flags & FA_KEY) ? "[NAME]" : "");

	snprintf(buf, size, "%s%s%s%s%s", f->name, dot, *dot && *br ? " or " : "",
		 *br ? f->name : "", br);
	return buf;
}

/* Resolves "evt.arg.fd", "evt.arg[0]", "proc.aname[2]", "proc.name" to a field and arg. */
static const struct field_desc *resolve_field(struct compiler *c, const char *name, size_t pos,
					      struct field_arg *arg)
{
	const struct field_desc *f;
	char syntax[128];

	memset(arg, 0, sizeof(*arg));
	const char *br = strchr(name, '[');
	if (br) {
		char *base = strndup(name, br - name);
		f = field_registry_find(c->reg, base);
		if (!f) {
			unknown_field(c, base, pos);
			free(base);
			return NULL;
		}
		free(base);
		if (!(f->arg_flags & (FA_INDEX | FA_KEY))) {
			fail(c, pos + (br - name), "field '%s' takes no [argument]", f->name);
			return NULL;
		}
		char *text = strndup(br + 1, strlen(br + 1) - 1);
		if (is_index(text) && (f->arg_flags & FA_INDEX)) {
			arg->is_index = true;
			arg->index = strtoll(text, NULL, 10);
			free(text);
		} else if ((f->arg_flags & FA_KEY) && *text) {
			arg->name = text;
		} else {
			fail(c, pos + (br - name) + 1, "'%s' is not a valid argument: write %s",
			     text, arg_syntax(f, syntax, sizeof(syntax)));
			free(text);
			return NULL;
		}
		arg->present = true;
		return f;
	}
	f = field_registry_find(c->reg, name);
	if (!f) {
		/* The longest registered prefix that takes .NAME: evt.type.is.open. */
		for (size_t k = strlen(name); k-- > 1;) {
			if (name[k] != '.')
				continue;
			char *base = strndup(name, k);
			const struct field_desc *b = field_registry_find(c->reg, base);
			free(base);
			if (!b || !(b->arg_flags & FA_DOT))
				continue;
			if (!name[k + 1]) {
				fail(c, pos + k + 1, "missing argument name after '%.*s.'", (int)k,
				     name);
				return NULL;
			}
			arg->present = true;
			arg->name = xstrdup(name + k + 1);
			return b;
		}
		unknown_field(c, name, pos);
		return NULL;
	}
	if (f->arg_flags & FA_REQUIRED) {
		fail(c, pos + strlen(name), "field '%s' needs an argument: write %s", f->name,
		     arg_syntax(f, syntax, sizeof(syntax)));
		return NULL;
	}
	return f;
}

enum type_class { TC_NUMBER, TC_BOOL, TC_TEXT, TC_BYTES, TC_IP, TC_NET, TC_DYNAMIC };

static enum type_class type_class(enum field_type t)
{
	switch (t) {
	case FT_BOOL: return TC_BOOL;
	case FT_CHARBUF: return TC_TEXT;
	case FT_BYTEBUF: return TC_BYTES;
	case FT_IPADDR: return TC_IP;
	case FT_IPNET: return TC_NET;
	case FT_DYNAMIC: return TC_DYNAMIC;
	default: return TC_NUMBER;
	}
}

/* Which operators each class of type supports (sysdig 0.29's checks, made a little stricter:
 * sysdig accepts text operators on ports and booleans and then never matches). */
static bool op_allowed(enum type_class tc, enum cmp_op op)
{
	if (op == CMP_EXISTS || op == CMP_EQ || op == CMP_NE || op == CMP_IN ||
	    op == CMP_INTERSECTS)
		return true;
	switch (tc) {
	case TC_TEXT:
		return true;
	case TC_NUMBER:
	case TC_DYNAMIC:
		return op == CMP_LT || op == CMP_LE || op == CMP_GT || op == CMP_GE;
	case TC_BYTES:
		return op == CMP_CONTAINS || op == CMP_STARTSWITH || op == CMP_ENDSWITH;
	case TC_BOOL:
	case TC_IP:
	case TC_NET:
		return false;
	}
	return false;
}

static const char *class_name(enum type_class tc)
{
	static const char *const names[] = {
		[TC_NUMBER] = "numeric", [TC_BOOL] = "boolean", [TC_TEXT] = "text",
		[TC_BYTES] = "buffer",	 [TC_IP] = "IP address", [TC_NET] = "IP network",
		[TC_DYNAMIC] = "numeric",
	};
	return names[tc];
}

static void free_node(struct fnode *n);

static bool compile_check(struct compiler *c, const struct ast_node *a, struct pred *p)
{
	p->field = resolve_field(c, a->check.field, a->check.field_pos, &p->arg);
	if (!p->field)
		return false;
	p->op = a->check.op;
	enum type_class tc = type_class(p->field->type);
	if (!op_allowed(tc, p->op) || (p->op == CMP_PMATCH && tc != TC_TEXT)) {
		fail(c, a->check.op_pos, "'%s' does not apply to %s field %s (%s)",
		     cmp_op_name(p->op), class_name(tc), p->field->name,
		     field_type_name(p->field->type));
		return false;
	}
	p->nvalues = a->check.nvalues;
	p->values = xcalloc(p->nvalues ? p->nvalues : 1, sizeof(*p->values));
	p->texts = xcalloc(p->nvalues ? p->nvalues : 1, sizeof(*p->texts));
	for (size_t i = 0; i < p->nvalues; i++) {
		const struct ast_value *v = &a->check.values[i];
		char buf[200];
		/* Values may hold NUL through escapes only in theory; texts are C strings. */
		p->texts[i] = xstrdup(v->text);
		const char *e = value_parse(p->field->type, p->texts[i], &p->values[i], buf,
					    sizeof(buf));
		if (e) {
			fail(c, v->pos, "%s", e);
			return false;
		}
	}
	return true;
}

static struct fnode *compile_node(struct compiler *c, const struct ast_node *a)
{
	struct fnode *n = xcalloc(1, sizeof(*n));

	n->kind = a->kind;
	switch (a->kind) {
	case AST_AND:
	case AST_OR:
		n->kids = xcalloc(a->list.n, sizeof(*n->kids));
		for (size_t i = 0; i < a->list.n && !c->failed; i++, n->n++)
			n->kids[i] = compile_node(c, a->list.kids[i]);
		break;
	case AST_NOT:
		n->kids = xcalloc(1, sizeof(*n->kids));
		n->kids[0] = compile_node(c, a->child);
		n->n = 1;
		break;
	case AST_CHECK:
		compile_check(c, a, &n->pred);
		break;
	}
	if (c->failed) {
		free_node(n);
		return NULL;
	}
	return n;
}

static void free_node(struct fnode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		free_node(n->kids[i]);
	free(n->kids);
	if (n->kind == AST_CHECK) {
		free((char *)n->pred.arg.name);
		if (n->pred.texts)
			for (size_t i = 0; i < n->pred.nvalues; i++)
				free(n->pred.texts[i]);
		free(n->pred.texts);
		free(n->pred.values);
	}
	free(n);
}

struct filter *filter_compile(const char *text, const struct field_registry *reg,
			      struct filter_error *err)
{
	struct ast_node *ast = ast_parse(text, err);

	if (!ast && err->msg[0])
		return NULL;
	struct filter *f = xcalloc(1, sizeof(*f));
	if (ast) {
		struct compiler c = { .reg = reg, .err = err };
		f->root = compile_node(&c, ast);
		ast_free(ast);
		if (c.failed) {
			free(f);
			return NULL;
		}
	}
	return f;
}

void filter_free(struct filter *f)
{
	if (!f)
		return;
	free_node(f->root);
	free(f);
}

char *filter_error_format(const struct filter_error *err, const char *text)
{
	size_t len = strlen(text), col = err->pos > len ? len : err->pos;
	char *s = NULL;
	size_t size = 0;
	FILE *m = open_memstream(&s, &size);

	if (!m)
		die("out of memory");
	fprintf(m, "filter error at column %zu: %s\n  ", col + 1, err->msg);
	/* Control characters would shift the caret: show them as blanks. */
	for (size_t i = 0; i < len; i++)
		fputc(isprint((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80 ? text[i]
										       : ' ', m);
	fprintf(m, "\n  %*s^", (int)col, "");
	fclose(m);
	return s;
}
