/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Payloads of the smaller netlink families: netfilter's nfgenmsg, selinux's notices,
 * crypto's crypto_user_alg with its reports, and the udev monitor messages that travel
 * on NETLINK_KOBJECT_UEVENT.
 */
#include <arpa/inet.h>
#include <linux/cryptouser.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/selinux_netlink.h>

#include "trace/decode/netlink_family.h"
#include "trace/decode/nlattr.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

/* ---- netfilter ---- */

bool nl_netfilter_payload(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
			  unsigned int len)
{
	struct nfgenmsg nf;
	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (len < sizeof(nf)) {
		print_buf_hex(sc, addr, len);
		return true;
	}
	if (!fetch_or_print_addr(sc, addr, &nf, sizeof(nf)))
		return true;
	uint8_t subsys = h->nlmsg_type >> 8;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "nfgen_family");
	pr_xval(sc->p, &xlat_net_addrfams, nf.nfgen_family, "AF_???");
	pr_field(sc->p, "version");
	pr_xval(sc->p, &xlat_nl_netfilter_versions, nf.version, "NFNETLINK_???");
	pr_field(sc->p, "res_id");
	/* nftables long sent res_id in host order (linux v4.3-rc1~28^2~47^2~1). */
	if (subsys == NFNL_SUBSYS_NFTABLES && (ntohs(nf.res_id) == NFNL_SUBSYS_NFTABLES ||
					       nf.res_id == NFNL_SUBSYS_NFTABLES)) {
		/* The name stands for the raw value, which -X raw and verbose show. */
		const struct xlat_pair pair = {
			nf.res_id, nf.res_id == NFNL_SUBSYS_NFTABLES ? "NFNL_SUBSYS_NFTABLES"
								     : "htons(NFNL_SUBSYS_NFTABLES)"
		};
		const struct xlat one = { &pair, 1 };
		pr_xval(sc->p, &one, nf.res_id, NULL);
	} else
		pr_textf(sc->p, "htons(%u)", ntohs(nf.res_id));
	pr_struct_end(sc->p);
	unsigned int offset = NLMSG_ALIGN(sizeof(nf));
	if (len <= offset)
		return true;
	if ((h->nlmsg_type >= NFNL_MSG_BATCH_BEGIN && h->nlmsg_type <= NFNL_MSG_BATCH_END) ||
	    h->nlmsg_type < NLMSG_MIN_TYPE) {
		print_buf_hex(sc, addr + offset, len - offset);
	} else {
		static const struct nla_table unnamed = { NULL, NULL, NULL, 0 };
		nl_decode_attrs(sc, addr + offset, len - offset, &unnamed, NULL);
	}
	return true;
}

/* ---- selinux ---- */

static const struct nl_field setenforce_fields[] = {
	NL_FIELD(struct selnl_msg_setenforce, val, NLF_D),
};
static const struct nl_struct setenforce = NL_STRUCT(struct selnl_msg_setenforce,
						     setenforce_fields);
static const struct nl_field policyload_fields[] = {
	NL_FIELD(struct selnl_msg_policyload, seqno, NLF_U),
};
static const struct nl_struct policyload = NL_STRUCT(struct selnl_msg_policyload,
						     policyload_fields);

bool nl_selinux_payload(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
			unsigned int len)
{
	switch (h->nlmsg_type) {
	case SELNL_MSG_SETENFORCE:
		nl_print_struct_at(sc, &setenforce, addr, len);
		return true;
	case SELNL_MSG_POLICYLOAD:
		nl_print_struct_at(sc, &policyload, addr, len);
		return true;
	}
	return false;
}

/* ---- crypto ---- */

#define CSTR(type, member) NL_FIELD(type, member, NLF_CSTRING)
#define U(type, member) NL_FIELD(type, member, NLF_U)
#define X(type, member) NL_FIELD(type, member, NLF_X)
#define STRUCT_STR(type, fields_) \
	{ fields_, sizeof(fields_) / sizeof(fields_[0]), sizeof(type), true, NULL }

static const struct nl_field rhash_fields[] = {
	CSTR(struct crypto_report_hash, type),
	U(struct crypto_report_hash, blocksize),
	U(struct crypto_report_hash, digestsize),
};
static const struct nl_struct rhash = STRUCT_STR(struct crypto_report_hash, rhash_fields);

static const struct nl_field rblkcipher_fields[] = {
	CSTR(struct crypto_report_blkcipher, type),
	CSTR(struct crypto_report_blkcipher, geniv),
	U(struct crypto_report_blkcipher, blocksize),
	U(struct crypto_report_blkcipher, min_keysize),
	U(struct crypto_report_blkcipher, max_keysize),
	U(struct crypto_report_blkcipher, ivsize),
};
static const struct nl_struct rblkcipher = STRUCT_STR(struct crypto_report_blkcipher,
						      rblkcipher_fields);

static const struct nl_field raead_fields[] = {
	CSTR(struct crypto_report_aead, type),
	CSTR(struct crypto_report_aead, geniv),
	U(struct crypto_report_aead, blocksize),
	U(struct crypto_report_aead, maxauthsize),
	U(struct crypto_report_aead, ivsize),
};
static const struct nl_struct raead = STRUCT_STR(struct crypto_report_aead, raead_fields);

static const struct nl_field rrng_fields[] = {
	CSTR(struct crypto_report_rng, type),
	U(struct crypto_report_rng, seedsize),
};
static const struct nl_struct rrng = STRUCT_STR(struct crypto_report_rng, rrng_fields);

static const struct nl_field rcipher_fields[] = {
	CSTR(struct crypto_report_cipher, type),
	U(struct crypto_report_cipher, blocksize),
	U(struct crypto_report_cipher, min_keysize),
	U(struct crypto_report_cipher, max_keysize),
};
static const struct nl_struct rcipher = STRUCT_STR(struct crypto_report_cipher,
						   rcipher_fields);

/* A report that is only its type: {type="..."}, up to the NUL or LEN. */
static bool print_report_generic(struct sc *sc, uint64_t addr, unsigned int len,
				 const void *ctx)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "type");
	print_str_upto(sc, addr, len);
	pr_struct_end(sc->p);
	return true;
}

#define REPORT(s_) { .kind = NLA_KIND_STRUCT, .s = &s_ }
#define GENERIC { .kind = NLA_KIND_FN, .fn = print_report_generic }
static const struct nla_spec crypto_attr_specs[] = {
	[CRYPTOCFGA_PRIORITY_VAL] = { .kind = NLA_KIND_U32 },
	[CRYPTOCFGA_REPORT_LARVAL] = GENERIC,
	[CRYPTOCFGA_REPORT_HASH] = REPORT(rhash),
	[CRYPTOCFGA_REPORT_BLKCIPHER] = REPORT(rblkcipher),
	[CRYPTOCFGA_REPORT_AEAD] = REPORT(raead),
	[CRYPTOCFGA_REPORT_COMPRESS] = GENERIC,
	[CRYPTOCFGA_REPORT_RNG] = REPORT(rrng),
	[CRYPTOCFGA_REPORT_CIPHER] = REPORT(rcipher),
	[CRYPTOCFGA_REPORT_AKCIPHER] = GENERIC,
	[CRYPTOCFGA_REPORT_KPP] = GENERIC,
	[CRYPTOCFGA_REPORT_ACOMP] = GENERIC,
};
static const struct nla_table crypto_attrs = NLA_TABLE(&xlat_nl_crypto_nl_attrs,
						       "CRYPTOCFGA_???", crypto_attr_specs);

static const struct nl_field alg_fields[] = {
	CSTR(struct crypto_user_alg, cru_name),
	CSTR(struct crypto_user_alg, cru_driver_name),
	CSTR(struct crypto_user_alg, cru_module_name),
	X(struct crypto_user_alg, cru_type),
	X(struct crypto_user_alg, cru_mask),
	U(struct crypto_user_alg, cru_refcnt),
	X(struct crypto_user_alg, cru_flags),
};
static const struct nl_struct alg = STRUCT_STR(struct crypto_user_alg, alg_fields);

bool nl_crypto_payload(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
		       unsigned int len)
{
	switch (h->nlmsg_type) {
	case CRYPTO_MSG_NEWALG:
	case CRYPTO_MSG_DELALG:
	case CRYPTO_MSG_UPDATEALG:
	case CRYPTO_MSG_GETALG:
		break;
	default:
		return false;
	}
	if (len < alg.size) {
		print_buf(sc, addr, len);
		return true;
	}
	nl_print_struct_at(sc, &alg, addr, alg.size);
	unsigned int offset = NLMSG_ALIGN(sizeof(struct crypto_user_alg));
	if (len > offset)
		nl_decode_attrs(sc, addr + offset, len - offset, &crypto_attrs, NULL);
	return true;
}
