/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The kernel key retention service: add_key, request_key and the keyctl commands, each
 * with its own arguments. Key serial numbers below zero name special keyrings.
 */
#include <inttypes.h>
#include <string.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"

typedef int32_t key_serial_t;

/* The special keyring ids, negative serial numbers. */
STATIC_XLAT(key_spec,
	{ (uint64_t)-1, "KEY_SPEC_THREAD_KEYRING" }, { (uint64_t)-2, "KEY_SPEC_PROCESS_KEYRING" },
	{ (uint64_t)-3, "KEY_SPEC_SESSION_KEYRING" }, { (uint64_t)-4, "KEY_SPEC_USER_KEYRING" },
	{ (uint64_t)-5, "KEY_SPEC_USER_SESSION_KEYRING" },
	{ (uint64_t)-6, "KEY_SPEC_GROUP_KEYRING" }, { (uint64_t)-7, "KEY_SPEC_REQKEY_AUTH_KEY" },
	{ (uint64_t)-8, "KEY_SPEC_REQUESTOR_KEYRING" });

STATIC_XLAT(key_reqkeys,
	{ (uint64_t)-1, "KEY_REQKEY_DEFL_NO_CHANGE" }, { 0, "KEY_REQKEY_DEFL_DEFAULT" },
	{ 1, "KEY_REQKEY_DEFL_THREAD_KEYRING" }, { 2, "KEY_REQKEY_DEFL_PROCESS_KEYRING" },
	{ 3, "KEY_REQKEY_DEFL_SESSION_KEYRING" }, { 4, "KEY_REQKEY_DEFL_USER_KEYRING" },
	{ 5, "KEY_REQKEY_DEFL_USER_SESSION_KEYRING" }, { 6, "KEY_REQKEY_DEFL_GROUP_KEYRING" },
	{ 7, "KEY_REQKEY_DEFL_REQUESTOR_KEYRING" });

STATIC_XLAT(keyctl_commands,
	{ 0, "KEYCTL_GET_KEYRING_ID" }, { 1, "KEYCTL_JOIN_SESSION_KEYRING" },
	{ 2, "KEYCTL_UPDATE" }, { 3, "KEYCTL_REVOKE" }, { 4, "KEYCTL_CHOWN" },
	{ 5, "KEYCTL_SETPERM" }, { 6, "KEYCTL_DESCRIBE" }, { 7, "KEYCTL_CLEAR" },
	{ 8, "KEYCTL_LINK" }, { 9, "KEYCTL_UNLINK" }, { 10, "KEYCTL_SEARCH" },
	{ 11, "KEYCTL_READ" }, { 12, "KEYCTL_INSTANTIATE" }, { 13, "KEYCTL_NEGATE" },
	{ 14, "KEYCTL_SET_REQKEY_KEYRING" }, { 15, "KEYCTL_SET_TIMEOUT" },
	{ 16, "KEYCTL_ASSUME_AUTHORITY" }, { 17, "KEYCTL_GET_SECURITY" },
	{ 18, "KEYCTL_SESSION_TO_PARENT" }, { 19, "KEYCTL_REJECT" },
	{ 20, "KEYCTL_INSTANTIATE_IOV" }, { 21, "KEYCTL_INVALIDATE" },
	{ 22, "KEYCTL_GET_PERSISTENT" }, { 23, "KEYCTL_DH_COMPUTE" },
	{ 24, "KEYCTL_PKEY_QUERY" }, { 25, "KEYCTL_PKEY_ENCRYPT" }, { 26, "KEYCTL_PKEY_DECRYPT" },
	{ 27, "KEYCTL_PKEY_SIGN" }, { 28, "KEYCTL_PKEY_VERIFY" },
	{ 29, "KEYCTL_RESTRICT_KEYRING" }, { 30, "KEYCTL_MOVE" }, { 31, "KEYCTL_CAPABILITIES" },
	{ 32, "KEYCTL_WATCH_KEY" });

/* Whole-class masks come before their single bits, as strace names them. */
STATIC_XLAT(key_perms,
	{ 0x01000000, "KEY_POS_VIEW" }, { 0x02000000, "KEY_POS_READ" },
	{ 0x04000000, "KEY_POS_WRITE" }, { 0x08000000, "KEY_POS_SEARCH" },
	{ 0x10000000, "KEY_POS_LINK" }, { 0x20000000, "KEY_POS_SETATTR" },
	{ 0x3f000000, "KEY_POS_ALL" },
	{ 0x00010000, "KEY_USR_VIEW" }, { 0x00020000, "KEY_USR_READ" },
	{ 0x00040000, "KEY_USR_WRITE" }, { 0x00080000, "KEY_USR_SEARCH" },
	{ 0x00100000, "KEY_USR_LINK" }, { 0x00200000, "KEY_USR_SETATTR" },
	{ 0x003f0000, "KEY_USR_ALL" },
	{ 0x00000100, "KEY_GRP_VIEW" }, { 0x00000200, "KEY_GRP_READ" },
	{ 0x00000400, "KEY_GRP_WRITE" }, { 0x00000800, "KEY_GRP_SEARCH" },
	{ 0x00001000, "KEY_GRP_LINK" }, { 0x00002000, "KEY_GRP_SETATTR" },
	{ 0x00003f00, "KEY_GRP_ALL" },
	{ 0x00000001, "KEY_OTH_VIEW" }, { 0x00000002, "KEY_OTH_READ" },
	{ 0x00000004, "KEY_OTH_WRITE" }, { 0x00000008, "KEY_OTH_SEARCH" },
	{ 0x00000010, "KEY_OTH_LINK" }, { 0x00000020, "KEY_OTH_SETATTR" },
	{ 0x0000003f, "KEY_OTH_ALL" });

STATIC_XLAT(keyctl_caps0,
	{ 0x01, "KEYCTL_CAPS0_CAPABILITIES" }, { 0x02, "KEYCTL_CAPS0_PERSISTENT_KEYRINGS" },
	{ 0x04, "KEYCTL_CAPS0_DIFFIE_HELLMAN" }, { 0x08, "KEYCTL_CAPS0_PUBLIC_KEY" },
	{ 0x10, "KEYCTL_CAPS0_BIG_KEY" }, { 0x20, "KEYCTL_CAPS0_INVALIDATE" },
	{ 0x40, "KEYCTL_CAPS0_RESTRICT_KEYRING" }, { 0x80, "KEYCTL_CAPS0_MOVE" });
STATIC_XLAT(keyctl_caps1,
	{ 0x01, "KEYCTL_CAPS1_NS_KEYRING_NAME" }, { 0x02, "KEYCTL_CAPS1_NS_KEY_TAG" },
	{ 0x04, "KEYCTL_CAPS1_NOTIFICATIONS" });
STATIC_XLAT(keyctl_move_flags, { 1, "KEYCTL_MOVE_EXCL" });
STATIC_XLAT(keyctl_pkey_ops,
	{ 1, "KEYCTL_SUPPORTS_ENCRYPT" }, { 2, "KEYCTL_SUPPORTS_DECRYPT" },
	{ 4, "KEYCTL_SUPPORTS_SIGN" }, { 8, "KEYCTL_SUPPORTS_VERIFY" });

enum {
	KC_GET_KEYRING_ID, KC_JOIN_SESSION_KEYRING, KC_UPDATE, KC_REVOKE, KC_CHOWN, KC_SETPERM,
	KC_DESCRIBE, KC_CLEAR, KC_LINK, KC_UNLINK, KC_SEARCH, KC_READ, KC_INSTANTIATE,
	KC_NEGATE, KC_SET_REQKEY_KEYRING, KC_SET_TIMEOUT, KC_ASSUME_AUTHORITY,
	KC_GET_SECURITY, KC_SESSION_TO_PARENT, KC_REJECT, KC_INSTANTIATE_IOV, KC_INVALIDATE,
	KC_GET_PERSISTENT, KC_DH_COMPUTE, KC_PKEY_QUERY, KC_PKEY_ENCRYPT, KC_PKEY_DECRYPT,
	KC_PKEY_SIGN, KC_PKEY_VERIFY, KC_RESTRICT_KEYRING, KC_MOVE, KC_CAPABILITIES,
};

/* A key serial number: a KEY_SPEC_* name or decimal. */
static void print_key_serial(struct sc *sc, uint64_t id)
{
	pr_xval_dec(sc->p, &key_spec, (uint64_t)(int64_t)(key_serial_t)id, NULL);
}

/* A uid or gid: -1 means "unchanged". */
static void print_key_uid(struct sc *sc, uint64_t id)
{
	if ((uint32_t)id == UINT32_MAX)
		pr_int(sc->p, -1);
	else
		pr_uint(sc->p, (uint32_t)id);
}

/* An error number given as an argument: ENOKEY, or the number in the -X style. */
static void print_errno_arg(struct sc *sc, uint32_t err)
{
	struct pr *p = sc->p;
	const char *name = errno_name((int)err);
	if (name && p->xlat_style == PR_XLAT_ABBREV) {
		pr_text(p, name);
		return;
	}
	pr_uint(p, err);
	if (name && p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "%s", name);
}

/* The first bytes of a buffer the kernel filled: as many as it returned, up to LEN. */
static uint64_t filled_len(const struct sc *sc, uint64_t len)
{
	return sc->rval >= 0 && (uint64_t)sc->rval > len ? len : (uint64_t)sc->rval;
}

static void print_ulong_spare(struct sc *sc, const uint32_t *spare, size_t n)
{
	size_t i;
	for (i = 0; i < n && !spare[i]; i++)
		;
	if (i == n)
		return;
	pr_field(sc->p, "__spare");
	pr_array_begin(sc->p);
	for (i = 0; i < n; i++)
		pr_hex(sc->p, spare[i]);
	pr_array_end(sc->p);
}

int decode_add_key(struct sc *sc)
{
	print_str(sc, sc->arg[0]);
	print_str(sc, sc->arg[1]);
	print_buf(sc, sc->arg[2], sc->arg[3]);
	pr_uint(sc->p, sc->arg[3]);
	print_key_serial(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

int decode_request_key(struct sc *sc)
{
	print_str(sc, sc->arg[0]);
	print_str(sc, sc->arg[1]);
	print_str(sc, sc->arg[2]);
	print_key_serial(sc, sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

/* KEYCTL_DESCRIBE / READ / GET_SECURITY: the key at entry, the buffer and size at exit. */
static int keyctl_read(struct sc *sc, bool nul_terminated)
{
	if (!sc->exiting) {
		print_key_serial(sc, sc->arg[1]);
		return DEC_AT_EXIT;
	}
	uint64_t addr = sc->arg[2], len = sc->arg[3];
	if (sc_failed(sc)) {
		print_addr(sc, addr);
	} else {
		uint64_t n = filled_len(sc, len);
		/* The description's trailing NUL is counted by the kernel but not shown. */
		char last = 1;
		if (nul_terminated && n && addr && umove(sc, addr + n - 1, &last, 1) == 0 && !last)
			n--;
		print_buf(sc, addr, n);
	}
	pr_uint(sc->p, len);
	return RV_DEC;
}

/* struct keyctl_dh_params: three key serials. */
static void print_dh_params_at(struct sc *sc, uint64_t addr)
{
	int32_t ids[3];
	if (!fetch_or_print_addr(sc, addr, ids, sizeof(ids)))
		return;
	static const char *const names[] = { "private", "prime", "base" };
	pr_struct_begin(sc->p);
	for (int i = 0; i < 3; i++) {
		pr_field(sc->p, names[i]);
		print_key_serial(sc, (uint64_t)ids[i]);
	}
	pr_struct_end(sc->p);
}

/* struct keyctl_kdf_params: hashname, otherinfo, otherinfolen, __spare[8]. */
static void print_kdf_params_at(struct sc *sc, uint64_t addr)
{
	struct {
		uint64_t hashname, otherinfo;
		uint32_t otherinfolen;
		uint32_t spare[8];
	} kdf;
	if (!addr || sc->no_deref || umove(sc, addr, &kdf, sizeof(kdf)) != 0) {
		print_addr(sc, addr);
		return;
	}
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "hashname");
	print_str(sc, kdf.hashname);
	pr_field(p, "otherinfo");
	/* The kernel does not read otherinfo when its length is zero. */
	if (kdf.otherinfolen)
		print_buf(sc, kdf.otherinfo, kdf.otherinfolen);
	else
		print_addr(sc, kdf.otherinfo);
	pr_field(p, "otherinfolen");
	pr_uint(p, kdf.otherinfolen);
	print_ulong_spare(sc, kdf.spare, 8);
	pr_struct_end(p);
}

static int keyctl_dh_compute(struct sc *sc)
{
	if (!sc->exiting) {
		print_dh_params_at(sc, sc->arg[1]);
		return DEC_AT_EXIT;
	}
	if (sc_failed(sc))
		print_addr(sc, sc->arg[2]);
	else
		print_buf(sc, sc->arg[2], filled_len(sc, sc->arg[3]));
	pr_uint(sc->p, sc->arg[3]);
	print_kdf_params_at(sc, sc->arg[4]);
	return RV_DEC;
}

static int keyctl_pkey_query(struct sc *sc)
{
	struct pr *p = sc->p;
	if (!sc->exiting) {
		print_key_serial(sc, sc->arg[1]);
		pr_hex(p, sc->arg[2]);
		print_str(sc, sc->arg[3]);
		return DEC_AT_EXIT;
	}
	struct {
		uint32_t supported_ops, key_size;
		uint16_t max_data_size, max_sig_size, max_enc_size, max_dec_size;
		uint32_t spare[10];
	} q;
	if (!fetch_or_print_addr(sc, sc->arg[4], &q, sizeof(q)))
		return RV_DEC;
	pr_struct_begin(p);
	pr_field(p, "supported_ops");
	pr_flags(p, &keyctl_pkey_ops, q.supported_ops, "KEYCTL_SUPPORTS_???");
	pr_field(p, "key_size");
	pr_uint(p, q.key_size);
	pr_field(p, "max_data_size");
	pr_uint(p, q.max_data_size);
	pr_field(p, "max_sig_size");
	pr_uint(p, q.max_sig_size);
	pr_field(p, "max_enc_size");
	pr_uint(p, q.max_enc_size);
	pr_field(p, "max_dec_size");
	pr_uint(p, q.max_dec_size);
	print_ulong_spare(sc, q.spare, 10);
	pr_struct_end(p);
	return RV_DEC;
}

/* struct keyctl_pkey_params: key_id, in_len, out_len or in2_len, __spare[7]. */
struct pkey_params {
	int32_t key_id;
	uint32_t in_len;
	uint32_t out_len;	/* in2_len for KEYCTL_PKEY_VERIFY */
	uint32_t spare[7];
};

/*
 * KEYCTL_PKEY_ENCRYPT / DECRYPT / SIGN (OUT: the result is written to arg5, printed at
 * exit) and KEYCTL_PKEY_VERIFY (two inputs).
 */
static int keyctl_pkey_op(struct sc *sc, bool out)
{
	struct pr *p = sc->p;
	if (sc->exiting) {
		if (sc_failed(sc))
			print_addr(sc, sc->arg[4]);
		else
			print_buf(sc, sc->arg[4], sc->priv[0]);
		return RV_DEC;
	}
	struct pkey_params pp;
	bool ok = fetch_or_print_addr(sc, sc->arg[1], &pp, sizeof(pp));
	if (ok) {
		pr_struct_begin(p);
		pr_field(p, "key_id");
		print_key_serial(sc, (uint64_t)pp.key_id);
		pr_field(p, "in_len");
		pr_uint(p, pp.in_len);
		pr_field(p, out ? "out_len" : "in2_len");
		pr_uint(p, pp.out_len);
		print_ulong_spare(sc, pp.spare, 7);
		pr_struct_end(p);
	}
	print_str(sc, sc->arg[2]);
	if (ok)
		print_buf(sc, sc->arg[3], pp.in_len);
	else
		print_addr(sc, sc->arg[3]);
	if (ok && out) {
		sc->priv[0] = pp.out_len;
		return DEC_AT_EXIT;
	}
	if (ok)
		print_buf(sc, sc->arg[4], pp.out_len);
	else
		print_addr(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

struct caps_pos {
	unsigned int index;
};

static bool print_keyctl_cap(struct sc *sc, const void *elem, void *data)
{
	struct caps_pos *pos = data;
	uint8_t v = *(const uint8_t *)elem;
	if (pos->index == 0)
		pr_flags(sc->p, &keyctl_caps0, v, "KEYCTL_CAPS0_???");
	else if (pos->index == 1)
		pr_flags(sc->p, &keyctl_caps1, v, "KEYCTL_CAPS1_???");
	else
		pr_hex(sc->p, v);
	pos->index++;
	return true;
}

static int keyctl_capabilities(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	uint64_t buflen = sc->arg[2];
	if (sc_failed(sc)) {
		print_addr(sc, sc->arg[1]);
	} else {
		struct caps_pos pos = { 0 };
		uint64_t n = (uint64_t)sc->rval < buflen ? (uint64_t)sc->rval : buflen;
		print_array(sc, sc->arg[1], n, 1, 0, print_keyctl_cap, &pos);
	}
	pr_uint(sc->p, buflen);
	return RV_DEC;
}

/* The commands whose arguments are all inputs. */
static void keyctl_inputs(struct sc *sc, int cmd)
{
	struct pr *p = sc->p;
	uint64_t a2 = sc->arg[1], a3 = sc->arg[2], a4 = sc->arg[3], a5 = sc->arg[4];
	struct iov_data iov = { .left = UINT64_MAX };
	switch (cmd) {
	case KC_GET_KEYRING_ID:
		print_key_serial(sc, a2);
		pr_int(p, (int)a3);
		break;
	case KC_JOIN_SESSION_KEYRING:
		print_str(sc, a2);
		break;
	case KC_UPDATE:
		print_key_serial(sc, a2);
		print_buf(sc, a3, a4);
		pr_uint(p, a4);
		break;
	case KC_REVOKE: case KC_CLEAR: case KC_INVALIDATE: case KC_ASSUME_AUTHORITY:
		print_key_serial(sc, a2);
		break;
	case KC_LINK: case KC_UNLINK:
		print_key_serial(sc, a2);
		print_key_serial(sc, a3);
		break;
	case KC_SEARCH:
		print_key_serial(sc, a2);
		print_str(sc, a3);
		print_str(sc, a4);
		print_key_serial(sc, a5);
		break;
	case KC_CHOWN:
		print_key_serial(sc, a2);
		print_key_uid(sc, a3);
		print_key_uid(sc, a4);
		break;
	case KC_SETPERM:
		print_key_serial(sc, a2);
		pr_flags(p, &key_perms, (uint32_t)a3, "KEY_???");
		break;
	case KC_INSTANTIATE:
		print_key_serial(sc, a2);
		print_buf(sc, a3, a4);
		pr_uint(p, a4);
		print_key_serial(sc, a5);
		break;
	case KC_NEGATE:
		print_key_serial(sc, a2);
		pr_uint(p, (uint32_t)a3);
		print_key_serial(sc, a4);
		break;
	case KC_SET_REQKEY_KEYRING:
		pr_xval_dec(p, &key_reqkeys, (uint64_t)(int64_t)(int)a2, "KEY_REQKEY_DEFL_???");
		break;
	case KC_SET_TIMEOUT:
		print_key_serial(sc, a2);
		pr_uint(p, (uint32_t)a3);
		break;
	case KC_SESSION_TO_PARENT:
		break;
	case KC_REJECT:
		print_key_serial(sc, a2);
		pr_uint(p, (uint32_t)a3);
		print_errno_arg(sc, (uint32_t)a4);
		print_key_serial(sc, a5);
		break;
	case KC_INSTANTIATE_IOV:
		print_key_serial(sc, a2);
		print_iovec_array(sc, a3, a4, &iov);
		pr_uint(p, a4);
		print_key_serial(sc, a5);
		break;
	case KC_GET_PERSISTENT:
		print_key_uid(sc, a2);
		print_key_serial(sc, a3);
		break;
	case KC_RESTRICT_KEYRING:
		print_key_serial(sc, a2);
		print_str(sc, a3);
		print_str(sc, a4);
		break;
	case KC_MOVE:
		print_key_serial(sc, a2);
		print_key_serial(sc, a3);
		print_key_serial(sc, a4);
		pr_flags(p, &keyctl_move_flags, (uint32_t)a5, "KEYCTL_MOVE_???");
		break;
	default:
		pr_hex(p, a2);
		pr_hex(p, a3);
		pr_hex(p, a4);
		pr_hex(p, a5);
		break;
	}
}

int decode_keyctl(struct sc *sc)
{
	int cmd = (int)sc->arg[0];
	if (!sc->exiting)
		pr_xval(sc->p, &keyctl_commands, (uint32_t)cmd, "KEYCTL_???");
	switch (cmd) {
	case KC_DESCRIBE: case KC_GET_SECURITY:
		return keyctl_read(sc, true);
	case KC_READ:
		return keyctl_read(sc, false);
	case KC_DH_COMPUTE:
		return keyctl_dh_compute(sc);
	case KC_PKEY_QUERY:
		return keyctl_pkey_query(sc);
	case KC_PKEY_ENCRYPT: case KC_PKEY_DECRYPT: case KC_PKEY_SIGN:
		return keyctl_pkey_op(sc, true);
	case KC_PKEY_VERIFY:
		return keyctl_pkey_op(sc, false);
	case KC_CAPABILITIES:
		return keyctl_capabilities(sc);
	}
	keyctl_inputs(sc, cmd);
	return RV_DECODED | RV_DEC;
}
