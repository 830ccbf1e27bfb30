/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The rules loader and expander (src/detect): lists and lists of lists substituted as text,
 * macros expanded on the tree in definition order, redefinitions in place, append and
 * override, exceptions, and each error and warning with Falco's code, words and location.
 * Rules text is in the tests; fields are sysdig's registry.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "detect/rules.h"
#include "detect/rules_print.h"
#include "fields/sysdig.h"
#include "util/util.h"

/* Loads TEXT as "t.yaml" and compiles it with every priority kept; whether both went well. */
static bool load(struct ruleset *rs, const char *text)
{
	ruleset_init(rs, RULES_ENGINE_VERSION);
	return ruleset_load_text(rs, "t.yaml", text) &&
	       ruleset_compile(rs, sysdig_field_registry(), PRIO_DEBUG);
}

/* The one diagnostic of CODE, checked to contain MSG and to be located at LINE (0: any). */
static const struct rdiag_entry *diag_of(const struct ruleset *rs, enum rdiag_code code,
					 const char *msg, unsigned line)
{
	const struct rdiag_entry *found = NULL;

	for (size_t i = 0; i < rs->diag.n; i++) {
		const struct rdiag_entry *e = &rs->diag.entries[i];

		if (e->code != code)
			continue;
		if (!strstr(e->msg, msg))
			fail_msg("%s: '%s' lacks '%s'", rdiag_code_name(code), e->msg, msg);
		if (line && e->loc.line != line)
			fail_msg("%s at line %u, not %u", rdiag_code_name(code), e->loc.line, line);
		if (found)
			fail_msg("two %s", rdiag_code_name(code));
		found = e;
	}
	if (!found)
		fail_msg("no %s ('%s')", rdiag_code_name(code), msg);
	return found;
}

static void assert_expanded(struct ruleset *rs, const char *rule, const char *want)
{
	struct rule *r = ruleset_find_rule(rs, rule);
	struct out o = { 0 };

	assert_non_null(r);
	assert_non_null(r->ast);
	ast_print(r->ast, &o);
	out_putc(&o, 0);
	assert_string_equal(o.buf, want);
	out_free(&o);
}

#define RULE(name, cond) \
	"- rule: " name "\n  desc: d\n  condition: " cond "\n  output: o %proc.name\n" \
	"  priority: WARNING\n"

static void test_lists_and_macros_expand(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs,
		"- list: shells\n  items: [bash, sh]\n"
		"- list: tools\n  items: [shells, \"my tool\", '\"(systemd)\"']\n"
		"- macro: tool_run\n  condition: proc.name in (tools)\n"
		"- macro: tool_open\n  condition: tool_run and evt.type=open\n"
		RULE("r", "tool_open or (evt.type=openat and fd.name=/x)")));
	assert_expanded(&rs, "r", "((proc.name in (bash, sh, \"my tool\", \"(systemd)\") and "
			"evt.type = open) or (evt.type = openat and fd.name = /x))");
	assert_int_equal(rs.diag.n, 0);
	ruleset_free(&rs);
}

/* Falco's ruleset has a macro named dup (whose body names the event dup) and one named
 * container: only a bare name in check position is a macro. */
static void test_macro_names_that_are_values(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs,
		"- macro: dup\n  condition: evt.type in (dup, dup2, dup3)\n"
		"- macro: container\n  condition: container.id != host\n"
		"- macro: not_sh\n  condition: not proc.name=sh\n"
		RULE("r", "dup and not container and not_sh and not(proc.name=dup)")));
	assert_expanded(&rs, "r", "(evt.type in (dup, dup2, dup3) and not container.id != host "
			"and not proc.name = sh and not proc.name = dup)");
	ruleset_free(&rs);
}

static void test_lists_see_later_lists_and_empty_lists(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs,
		RULE("r", "proc.name in (later) and not proc.pname in (none, sh)")
		"- list: later\n  items: [a]\n- list: none\n  items: []\n"));
	assert_expanded(&rs, "r", "(proc.name in (a) and not proc.pname in (sh))");
	ruleset_free(&rs);
}

static void test_macro_sees_only_earlier_macros(void **state)
{
	struct ruleset rs;

	assert_false(load(&rs,
		"- macro: a\n  condition: b and evt.type=open\n"
		"- macro: b\n  condition: proc.name=x\n"
		RULE("r", "a")));
	diag_of(&rs, LOAD_ERR_VALIDATE, "Undefined macro 'b' used in filter.", 2);
	assert_int_equal(rs.diag.nerrors, 1);
	ruleset_free(&rs);
	/* a rule sees every macro, also one defined after it */
	assert_true(load(&rs, RULE("r", "m") "- macro: m\n  condition: proc.name=x\n"));
	assert_expanded(&rs, "r", "proc.name = x");
	ruleset_free(&rs);
}

static void test_errors_name_item_and_line(void **state)
{
	struct ruleset rs;
	const struct rdiag_entry *e;

	assert_false(load(&rs, "- list: l\n  items: [a]\n" RULE("bad field",
							       "proc.nmae in (l)")));
	e = diag_of(&rs, LOAD_ERR_COMPILE_CONDITION,
		    "filter_check called with nonexistent field proc.nmae", 5);
	assert_string_equal(e->item, "rule 'bad field'");
	assert_int_equal(e->loc.col, 14);
	ruleset_free(&rs);

	assert_false(load(&rs, RULE("r", "evt.type=opne")));
	diag_of(&rs, LOAD_ERR_COMPILE_CONDITION, "unknown event type opne", 3);
	ruleset_free(&rs);

	assert_false(load(&rs, RULE("r", "evt.type=open and (proc.name=x")));
	diag_of(&rs, LOAD_ERR_COMPILE_CONDITION, "missing ')'", 3);
	ruleset_free(&rs);

	assert_false(load(&rs, "- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n"
			  "  priority: SEVERE\n"));
	diag_of(&rs, LOAD_ERR_VALIDATE, "Invalid priority", 5);
	ruleset_free(&rs);

	assert_false(load(&rs, "- rule: r\n  desc: d\n  condition: evt.type=open\n"
			  "  priority: INFO\n"));
	diag_of(&rs, LOAD_ERR_YAML_VALIDATE, "Item has no mapping for key 'output'", 1);
	ruleset_free(&rs);

	assert_false(load(&rs, RULE("r", "evt.type=open") "- list: l\n  items: [a, [b\n"));
	diag_of(&rs, LOAD_ERR_YAML_PARSE, "", 0);
	ruleset_free(&rs);

	assert_false(load(&rs, "rule: r\n"));
	diag_of(&rs, LOAD_ERR_YAML_VALIDATE, "Rules content is not yaml array of objects", 1);
	ruleset_free(&rs);

	assert_false(load(&rs, "- rule: r\n  desc: d\n  condition: evt.type=open\n"
			  "  output: bad %proc.nmae\n  priority: INFO\n"));
	diag_of(&rs, LOAD_ERR_COMPILE_OUTPUT, "invalid formatting token proc.nmae", 1);
	ruleset_free(&rs);
}

static void test_every_syscall_name_is_an_event_type(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs, RULE("r", "evt.type in (init_module, finit_module, dup3, openat2, "
				   "memfd_create, execveat, symlinkat, linkat)")));
	ruleset_free(&rs);
}

static void test_redefinition_keeps_position(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs, RULE("a", "proc.name=a") RULE("b", "proc.name=b")
			 "- rule: a\n  desc: new\n  condition: proc.name=c\n  output: o\n"
			 "  priority: ERROR\n"));
	assert_int_equal(rs.nrules, 2);
	assert_string_equal(rs.rules[0].name, "a");
	assert_string_equal(rs.rules[0].desc, "new");
	assert_int_equal(rs.rules[0].priority, PRIO_ERROR);
	assert_string_equal(rs.rules[1].name, "b");
	ruleset_free(&rs);
}

static void test_append_and_override(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs,
		"- list: l\n  items: [a]\n- list: l\n  items: [b]\n  append: true\n"
		"- macro: m\n  condition: proc.name=x\n"
		"- macro: m\n  condition: or proc.name=y\n  override:\n    condition: append\n"
		RULE("r", "m")
		"- rule: r\n  condition: and evt.type=open\n  append: true\n"
		"- rule: r\n  output: new %proc.pid\n  priority: ERROR\n  tags: [z, a]\n"
		"  override:\n    output: replace\n    priority: replace\n    tags: append\n"
		RULE("s", "proc.name in (l)")));
	assert_expanded(&rs, "r", "((proc.name = x or proc.name = y) and evt.type = open)");
	assert_expanded(&rs, "s", "proc.name in (a, b)");
	struct rule *r = ruleset_find_rule(&rs, "r");
	assert_string_equal(r->output, "new %proc.pid");
	assert_int_equal(r->priority, PRIO_ERROR);
	assert_int_equal(r->ntags, 2);
	assert_string_equal(r->tags[0], "a");
	assert_string_equal(r->tags[1], "z");
	size_t deprecated = 0;
	for (size_t i = 0; i < rs.diag.n; i++)
		deprecated += rs.diag.entries[i].code == LOAD_DEPRECATED_ITEM;
	assert_int_equal(deprecated, 2);	/* the list's append and the rule's */
	ruleset_free(&rs);
}

static void test_override_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{ "- rule: r\n  condition: x\n  override:\n    condition: append\n",
		  "Rule uses 'append' or 'override.<key>: append' but no rule by that name already "
		  "exists" },
		{ "- rule: r\n  desc: x\n  override:\n    desc: replace\n",
		  "An 'override.<key>: replace' to a rule was requested but no rule by that name "
		  "already exists" },
		{ RULE("r", "proc.name=x") "- rule: r\n  priority: INFO\n  override:\n"
		  "    priority: append\n", "Key 'priority' cannot be appended to, use 'replace' "
		  "instead" },
		{ RULE("r", "proc.name=x") "- rule: r\n  source: k8s\n  override:\n"
		  "    source: replace\n", "Key 'source' cannot be replaced" },
		{ RULE("r", "proc.name=x") "- rule: r\n  desc: x\n  override:\n    desc: merge\n",
		  "Invalid override operation for key 'desc': 'merge'" },
		{ RULE("r", "proc.name=x") "- rule: r\n  desc: x\n  override:\n    output: replace\n",
		  "A replace override for 'output' was specified but 'output' is not defined" },
		{ RULE("r", "proc.name=x") "- rule: r\n  desc: x\n  output: o\n  override:\n"
		  "    desc: replace\n", "Unexpected key 'output': no corresponding entry under "
		  "'override' is defined." },
		{ RULE("r", "proc.name=x") "- rule: r\n  condition: x\n  append: true\n  override:\n"
		  "    condition: append\n", "Keys 'override' and 'append: true' cannot be used "
		  "together." },
		{ "- rule: r\n  condition: x\n  append: true\n",
		  "Rule uses 'append' or 'override.<key>: append' but no rule by that name already "
		  "exists" },
		{ RULE("r", "proc.name=x") "- rule: r\n  desc: x\n  append: true\n",
		  "Appended rule must have exceptions or condition property" },
		{ "- rule: r\n  enabled: false\n",
		  "Rule has 'enabled' key but no rule by that name already exists" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct ruleset rs;

		assert_false(load(&rs, cases[i].text));
		diag_of(&rs, LOAD_ERR_VALIDATE, cases[i].msg, 0);
		ruleset_free(&rs);
	}
}

static void test_exceptions(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs,
		"- list: trusted\n  items: [cron, \"my daemon\"]\n"
		"- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n"
		"  exceptions:\n"
		"    - name: pairs\n      fields: [proc.name, fd.name]\n"
		"      comps: [=, startswith]\n"
		"      values:\n        - [cat, /etc]\n        - [\"my cat\", /tmp]\n"
		"    - name: names\n      fields: proc.pname\n      values: [sshd, trusted]\n"
		"    - name: lists\n      fields: [proc.name, proc.pname]\n      comps: [in, =]\n"
		"      values:\n        - [trusted, init]\n        - [[a, b], init]\n"
		"    - name: unused\n      fields: [proc.name]\n"
		"- rule: r\n  exceptions:\n    - name: names\n      values: [login]\n"
		"  override:\n    exceptions: append\n"));
	assert_expanded(&rs, "r",
		"(evt.type = open and not ((proc.name = cat and fd.name startswith /etc) or "
		"(proc.name = \"my cat\" and fd.name startswith /tmp)) and not proc.pname in "
		"(sshd, cron, \"my daemon\", login) and not ((proc.name in (cron, \"my daemon\") and "
		"proc.pname = init) or (proc.name in (a, b) and proc.pname = init)))");
	ruleset_free(&rs);

	assert_false(load(&rs, "- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n"
			  "  priority: INFO\n  exceptions:\n    - name: e\n"
			  "      fields: [proc.name, fd.name]\n      comps: [=]\n"));
	diag_of(&rs, LOAD_ERR_VALIDATE, "Fields and comps lists must have equal length", 0);
	ruleset_free(&rs);
	assert_false(load(&rs, "- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n"
			  "  priority: INFO\n  exceptions:\n    - name: e\n"
			  "      fields: [proc.name]\n      comps: [like]\n"));
	diag_of(&rs, LOAD_ERR_VALIDATE, "'like' is not a supported comparison operator", 0);
	ruleset_free(&rs);
}

static void test_versions(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs, "- required_engine_version: 0.57.0\n"
			 "- required_engine_version: 31\n"
			 "- required_plugin_versions:\n    - name: container\n      version: 0.4.0\n"
			 "    - name: k8smeta\n      version: 0.1.0\n      alternatives:\n"
			 "        - name: container\n          version: 0.1.0\n"));
	ruleset_free(&rs);
	assert_false(load(&rs, "- required_engine_version: 0.99.0\n"));
	diag_of(&rs, LOAD_ERR_VALIDATE, "Rules require engine version 0.99.0, but engine version "
		"is " RULES_ENGINE_VERSION, 1);
	ruleset_free(&rs);
	assert_false(load(&rs, "- required_plugin_versions:\n    - name: json\n"
			  "      version: 0.7.0\n"));
	diag_of(&rs, LOAD_ERR_VALIDATE, "Plugin requirement not satisfied, must load one of: "
		"json (>= 0.7.0)", 0);
	ruleset_free(&rs);
}

static void test_warnings_and_inactive_rules(void **state)
{
	struct ruleset rs;

	assert_true(load(&rs,
		"- list: spare\n  items: [a]\n"
		"- macro: spare_macro\n  condition: proc.name=x\n"
		"- unknown_item: 1\n"
		RULE("wide", "proc.name=x")
		"  colour: red\n"
		"- rule: other source\n  desc: d\n  condition: ka.verb=get\n  output: o\n"
		"  priority: INFO\n  source: k8s_audit\n"
		"- rule: unknown but skipped\n  desc: d\n  condition: proc.nope=x\n  output: o\n"
		"  priority: INFO\n  skip-if-unknown-filter: true\n"
		"- rule: off\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n"
		"  enabled: false\n"));
	diag_of(&rs, LOAD_UNUSED_LIST, "List not referred to by any other rule/macro", 1);
	diag_of(&rs, LOAD_UNUSED_MACRO, "Macro not referred to by any other rule/macro", 3);
	diag_of(&rs, LOAD_UNKNOWN_ITEM, "Unknown top level item", 5);
	diag_of(&rs, LOAD_UNKNOWN_KEY, "Unknown key 'colour'. The key will be ignored.", 11);
	diag_of(&rs, LOAD_NO_EVTTYPE, "Rule matches too many evt.type values", 8);
	diag_of(&rs, LOAD_UNKNOWN_SOURCE, "k8s_audit", 0);
	diag_of(&rs, LOAD_UNKNOWN_FILTER, "proc.nope", 0);
	assert_true(ruleset_find_rule(&rs, "wide")->active);
	assert_false(ruleset_find_rule(&rs, "other source")->active);
	assert_false(ruleset_find_rule(&rs, "unknown but skipped")->active);
	assert_false(ruleset_find_rule(&rs, "off")->active);
	ruleset_free(&rs);
}

static void test_priority_threshold(void **state)
{
	struct ruleset rs;

	ruleset_init(&rs, RULES_ENGINE_VERSION);
	assert_true(ruleset_load_text(&rs, "t.yaml", RULE("warn", "proc.name=x")
				      "- rule: info\n  desc: d\n  condition: proc.name=y\n"
				      "  output: o\n  priority: info\n"));
	assert_true(ruleset_compile(&rs, sysdig_field_registry(), PRIO_NOTICE));
	assert_true(ruleset_find_rule(&rs, "warn")->active);
	assert_false(ruleset_find_rule(&rs, "info")->active);
	ruleset_free(&rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists_and_macros_expand),
		cmocka_unit_test(test_macro_names_that_are_values),
		cmocka_unit_test(test_lists_see_later_lists_and_empty_lists),
		cmocka_unit_test(test_macro_sees_only_earlier_macros),
		cmocka_unit_test(test_errors_name_item_and_line),
		cmocka_unit_test(test_every_syscall_name_is_an_event_type),
		cmocka_unit_test(test_redefinition_keeps_position),
		cmocka_unit_test(test_append_and_override),
		cmocka_unit_test(test_override_errors),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_warnings_and_inactive_rules),
		cmocka_unit_test(test_priority_threshold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
