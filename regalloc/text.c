/* text.c: the text form of an allocation problem and its result (kr_ra_dump, kr_ra_parse), so that
 * tests are written as text and a JIT dump shows what the allocator saw and did (Cinder's JIT has
 * the same for its LIR). The grammar is in regalloc.h. kr_ra_dump's output parses back into the
 * same problem: the result is printed as comments. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "regalloc/regalloc_internal.h"

static const char *const use_chars = "radD"; /* indexed by kr_ra_use_kind */

static void reg_name(const kr_ra_target *t, int r, char *buf, size_t len)
{
    if (r >= 0 && r < t->num_regs && t->reg_names[r])
        snprintf(buf, len, "%s", t->reg_names[r]);
    else
        snprintf(buf, len, "r%d", r);
}

void kr_ra_format_loc(const kr_ra_target *t, kr_ra_loc loc, char *buf, size_t len)
{
    switch (loc.kind) {
    case KR_RA_REG:
        reg_name(t, loc.index, buf, len);
        break;
    case KR_RA_STACK:
        snprintf(buf, len, "stack%d", loc.index);
        break;
    case KR_RA_CONST:
        snprintf(buf, len, "const");
        break;
    default:
        snprintf(buf, len, "none");
        break;
    }
}

static void print_move(FILE *out, const kr_ra_target *t, const kr_ra_move *m)
{
    char d[32], s[32];
    kr_ra_format_loc(t, m->dst, d, sizeof d);
    if (m->src.kind == KR_RA_CONST)
        snprintf(s, sizeof s, "$%lld", (long long)m->imm);
    else
        kr_ra_format_loc(t, m->src, s, sizeof s);
    fprintf(out, "%s <- %s", d, s);
}

static void print_moves(FILE *out, const kr_ra_target *t, const kr_ra_move *m, int n, const char *sep)
{
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(sep, out);
        print_move(out, t, &m[i]);
    }
}

void kr_ra_dump(FILE *out, const kr_ra_ctx *ctx)
{
    const kr_ra_target *t = &ctx->target;
    char buf[32];
    for (int b = 0; b < ctx->nblocks; b++) {
        const kr_ra_block *bb = &ctx->blocks[b];
        fprintf(out, "block %d [%d, %d)", b, bb->from, bb->to);
        if (bb->depth)
            fprintf(out, " depth %d", bb->depth);
        if (bb->nsuccs) {
            fputs(" ->", out);
            for (int i = 0; i < bb->nsuccs; i++)
                fprintf(out, " %d", bb->succs[i]);
        }
        fputc('\n', out);
    }
    for (int v = 0; v < ctx->nvregs; v++) {
        const kr_ra_vreg *vr = &ctx->vregs[v];
        fprintf(out, "v%d %s", v, vr->cls == KR_RA_GP ? "gp" : "fp");
        for (int i = 0; i < vr->nranges; i++)
            fprintf(out, " [%d, %d)", vr->ranges[i].from, vr->ranges[i].to);
        if (vr->nuses) {
            fputs(" :", out);
            for (int i = 0; i < vr->nuses; i++)
                fprintf(out, " %d%c", vr->uses[i].pos, use_chars[vr->uses[i].kind]);
        }
        if (vr->hint_vreg >= 0)
            fprintf(out, " hint v%d", vr->hint_vreg);
        else if (vr->hint_reg >= 0) {
            reg_name(t, vr->hint_reg, buf, sizeof buf);
            fprintf(out, " hint %s", buf);
        }
        fputc('\n', out);
    }
    for (int r = 0; r < t->num_regs; r++) {
        if (!ctx->nfixed_in[r])
            continue;
        reg_name(t, r, buf, sizeof buf);
        fprintf(out, "fixed %s", buf);
        for (int i = 0; i < ctx->nfixed_in[r]; i++)
            fprintf(out, " [%d, %d)", ctx->fixed_in[r][i].from, ctx->fixed_in[r][i].to);
        fputc('\n', out);
    }
    for (int i = 0; i < ctx->nphis; i++) {
        const kr_ra_phi *ph = &ctx->phis[i];
        fprintf(out, "phi b%d v%d =", ph->block, ph->vreg);
        for (int j = 0; j < ph->ninputs; j++) {
            if (ph->inputs[j].vreg >= 0)
                fprintf(out, " v%d", ph->inputs[j].vreg);
            else
                fprintf(out, " #%lld", (long long)ph->inputs[j].imm);
        }
        fputc('\n', out);
    }
    if (!ctx->allocated)
        return;
    fprintf(out, "# allocation (%s): %d splits, %d slots\n", ctx->algo == KR_RA_SPILL_ALL ? "spill all" : "linear scan",
            ctx->nsplits, ctx->nslots);
    for (int v = 0; v < ctx->nvregs; v++) {
        const kr_ra_vreg *vr = &ctx->vregs[v];
        if (!vr->nchildren)
            continue;
        fprintf(out, "#   v%d:", v);
        for (int i = 0; i < vr->nchildren; i++) {
            const kr_ra_interval *it = vr->children[i];
            kr_ra_format_loc(t, kr_ra_interval_loc(ctx, it), buf, sizeof buf);
            fprintf(out, "%s [%d, %d) %s", i ? " |" : "", kr_ra_start(it), kr_ra_end(it), buf);
        }
        if (vr->store_pos >= 0)
            fprintf(out, " (stored at %d)", vr->store_pos);
        fputc('\n', out);
    }
    if (!ctx->resolved)
        return;
    static const char *const places[] = {"", "at the end of the predecessor", "at the start of the successor",
                                         "on the critical edge"};
    for (int g = 0; g < ctx->ngroups; g++) {
        const kr_ra_move_group *mg = &ctx->groups[g];
        if (mg->place == KR_RA_AT_POS)
            fprintf(out, "#   moves at %d: ", mg->pos);
        else
            fprintf(out, "#   moves on %d -> %d, %s: ", mg->pred, mg->succ, places[mg->place]);
        print_moves(out, t, mg->moves, mg->nmoves, ", ");
        bool same = mg->nseq == mg->nmoves;
        for (int i = 0; same && i < mg->nseq; i++)
            same = memcmp(&mg->seq[i], &mg->moves[i], sizeof mg->seq[i]) == 0;
        if (!same) {
            fputs("\n#     in sequence: ", out);
            print_moves(out, t, mg->seq, mg->nseq, "; ");
        }
        fputc('\n', out);
    }
}

/* ---- the parser --------------------------------------------------------------------------------- */

typedef struct lex {
    kr_ra_ctx *ctx;
    const char *p;
    int line;
} lex;

typedef struct later {
    int kind; /* 0 edge, 1 vreg hint, 2 reg hint */
    int a, b;
} later;

static void skip(lex *l)
{
    while (*l->p == ' ' || *l->p == '\t' || *l->p == '\r')
        l->p++;
    bool number = l->p[0] == '#' && (isdigit((unsigned char)l->p[1]) ||
                                     (l->p[1] == '-' && isdigit((unsigned char)l->p[2])));
    if (*l->p == '#' && !number)
        while (*l->p && *l->p != '\n')
            l->p++;
}

static bool eol(lex *l)
{
    skip(l);
    return !*l->p || *l->p == '\n';
}

static bool accept(lex *l, const char *s)
{
    skip(l);
    size_t n = strlen(s);
    if (strncmp(l->p, s, n))
        return false;
    l->p += n;
    return true;
}

static bool word(lex *l, char *buf, size_t len)
{
    skip(l);
    size_t n = 0;
    while (isalnum((unsigned char)l->p[n]) || l->p[n] == '_')
        n++;
    if (!n || n >= len)
        return false;
    memcpy(buf, l->p, n);
    buf[n] = 0;
    l->p += n;
    return true;
}

static bool number(lex *l, long long *out)
{
    skip(l);
    char *end;
    if (!isdigit((unsigned char)*l->p) && !(*l->p == '-' && isdigit((unsigned char)l->p[1])))
        return false;
    *out = strtoll(l->p, &end, 10);
    l->p = end;
    return true;
}

static bool small(lex *l, int *out)
{
    long long v;
    if (!number(l, &v) || v < -1000000000LL || v > 1000000000LL)
        return false;
    *out = (int)v;
    return true;
}

static bool prefixed(lex *l, char prefix, int *out)
{
    skip(l);
    if (*l->p != prefix || !isdigit((unsigned char)l->p[1]))
        return false;
    l->p++;
    return small(l, out);
}

static bool range(lex *l, int *from, int *to)
{
    const char *save = l->p;
    if (accept(l, "[") && small(l, from) && accept(l, ",") && small(l, to) && accept(l, ")"))
        return true;
    l->p = save;
    return false;
}

static int reg_by_name(const kr_ra_target *t, const char *name)
{
    for (int r = 0; r < t->num_regs; r++)
        if (t->reg_names[r] && !strcmp(t->reg_names[r], name))
            return r;
    if (name[0] == 'r' && isdigit((unsigned char)name[1])) {
        char *end;
        long r = strtol(name + 1, &end, 10);
        if (!*end && r >= 0 && r < t->num_regs)
            return (int)r;
    }
    return -1;
}

static int perr(lex *l, const char *what)
{
    return kr_ra_fail(l->ctx, "line %d: %s", l->line, what);
}

static int push_later(lex *l, later **v, int *n, int *cap, later x)
{
    if (kr_ra_grow(l->ctx, (void **)v, cap, *n + 1, sizeof **v))
        return -1;
    (*v)[(*n)++] = x;
    return 0;
}

static int parse_line(lex *l, later **lv, int *nl, int *cl, const char ***phi_lines, int *nphi_lines, int *cap_phi)
{
    kr_ra_ctx *ctx = l->ctx;
    char w[32];
    int a, b;
    if (eol(l))
        return 0;
    const char *line_start = l->p;
    if (!word(l, w, sizeof w))
        return perr(l, "expected block, v<N>, fixed or phi");
    if (!strcmp(w, "block")) {
        int id, depth = 0;
        if (!small(l, &id) || id != ctx->nblocks)
            return perr(l, "blocks must be numbered 0, 1... in order");
        if (!range(l, &a, &b))
            return perr(l, "expected the block's [from, to)");
        if (accept(l, "depth") && !small(l, &depth))
            return perr(l, "expected a loop depth");
        if (kr_ra_add_block(ctx, a, b, depth) < 0)
            return -1;
        if (accept(l, "->"))
            while (!eol(l)) {
                int s;
                if (!small(l, &s))
                    return perr(l, "expected a successor block");
                if (push_later(l, lv, nl, cl, (later){0, id, s}))
                    return -1;
            }
    } else if (w[0] == 'v' && isdigit((unsigned char)w[1])) {
        int id = atoi(w + 1);
        char cls[8];
        if (id != ctx->nvregs)
            return perr(l, "vregs must be numbered v0, v1... in order");
        if (!word(l, cls, sizeof cls) || (strcmp(cls, "gp") && strcmp(cls, "fp")))
            return perr(l, "expected gp or fp");
        if (kr_ra_add_vreg(ctx, cls[0] == 'g' ? KR_RA_GP : KR_RA_FP) < 0)
            return -1;
        while (range(l, &a, &b))
            if (kr_ra_add_range(ctx, id, a, b))
                return -1;
        if (accept(l, ":"))
            while (!eol(l)) {
                skip(l);
                if (!isdigit((unsigned char)*l->p))
                    break;
                if (!small(l, &a))
                    return perr(l, "expected a use position");
                const char *k = *l->p ? strchr(use_chars, *l->p) : NULL;
                if (!k)
                    return perr(l, "a use is <pos>r, <pos>a, <pos>d or <pos>D");
                l->p++;
                if (kr_ra_add_use(ctx, id, a, (kr_ra_use_kind)(k - use_chars)))
                    return -1;
            }
        if (accept(l, "hint")) {
            if (!word(l, w, sizeof w))
                return perr(l, "expected a hint");
            if (w[0] == 'v' && isdigit((unsigned char)w[1])) {
                if (push_later(l, lv, nl, cl, (later){1, id, atoi(w + 1)}))
                    return -1;
            } else {
                int r = reg_by_name(&ctx->target, w);
                if (r < 0)
                    return perr(l, "unknown register in hint");
                if (push_later(l, lv, nl, cl, (later){2, id, r}))
                    return -1;
            }
        }
    } else if (!strcmp(w, "fixed")) {
        if (!word(l, w, sizeof w))
            return perr(l, "expected a register");
        int r = reg_by_name(&ctx->target, w);
        if (r < 0)
            return perr(l, "unknown register");
        while (range(l, &a, &b))
            if (kr_ra_add_fixed(ctx, r, a, b))
                return -1;
    } else if (!strcmp(w, "phi")) {
        /* After every block and vreg: remember the line. */
        if (kr_ra_grow(ctx, (void **)phi_lines, cap_phi, *nphi_lines + 1, sizeof *phi_lines))
            return -1;
        (*phi_lines)[*nphi_lines] = line_start;
        (*nphi_lines)++;
        while (*l->p && *l->p != '\n')
            l->p++;
    } else {
        return perr(l, "expected block, v<N>, fixed or phi");
    }
    if (!eol(l))
        return perr(l, "unexpected text at the end of the line");
    return 0;
}

static int parse_phi(lex *l)
{
    kr_ra_ctx *ctx = l->ctx;
    int block, vreg, n = 0;
    kr_ra_phi_input in[64];
    if (!accept(l, "phi") || !prefixed(l, 'b', &block) || !prefixed(l, 'v', &vreg) || !accept(l, "="))
        return perr(l, "a phi is: phi b<N> v<N> = inputs");
    while (!eol(l)) {
        long long imm;
        if (n == 64)
            return perr(l, "too many phi inputs");
        if (prefixed(l, 'v', &in[n].vreg)) {
            in[n++].imm = 0;
        } else if (accept(l, "#") && number(l, &imm)) {
            in[n].vreg = -1;
            in[n++].imm = imm;
        } else {
            return perr(l, "a phi input is v<N> or #<constant>");
        }
    }
    return kr_ra_add_phi(ctx, block, vreg, in, n);
}

int kr_ra_parse(kr_ra_ctx *ctx, const char *text)
{
    lex l = {ctx, text, 1};
    later *lv = NULL;
    const char **phis = NULL;
    int nl = 0, cl = 0, np = 0, cp = 0, rc = -1;
    while (*l.p) {
        if (parse_line(&l, &lv, &nl, &cl, &phis, &np, &cp))
            goto out;
        if (*l.p == '\n') {
            l.p++;
            l.line++;
        }
    }
    for (int i = 0; i < nl; i++) {
        int r = lv[i].kind == 0   ? kr_ra_add_edge(ctx, lv[i].a, lv[i].b)
                : lv[i].kind == 1 ? kr_ra_hint_vreg(ctx, lv[i].a, lv[i].b)
                                  : kr_ra_hint_reg(ctx, lv[i].a, lv[i].b);
        if (r)
            goto out;
    }
    for (int i = 0; i < np; i++) {
        lex pl = {ctx, phis[i], 0};
        for (const char *q = text; q < phis[i]; q++)
            pl.line += *q == '\n';
        pl.line++;
        if (parse_phi(&pl))
            goto out;
    }
    rc = 0;
out:
    free(lv);
    free(phis);
    return rc;
}
