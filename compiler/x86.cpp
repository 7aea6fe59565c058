// x86.cpp: the JIT's only C++ translation unit. LIR (compiler/lir.h) after register allocation ->
// x86-64 through AsmJit 1.9's x86::Assembler; code memory; the kr_jit_backend_* functions of
// compiler/jit_rt.h (extern "C").
//
// FRAME of a compiled function (System V; rsp is 16-byte aligned everywhere in the body, so every call
// site is aligned without adjustment):
//     [return address] [pushed: r12 r13 r14, then the callee-saved registers the allocator used]
//     [rsp + 8*nspill]   the entry pc (edx at entry), read by ENTRY
//     [rsp + 8*i]        spill slot i (0 <= i < nspill) = the `spills` array kr_jit_rt_exit reads
// Pinned for the whole function: r12 = vm, r13 = f, r14 = f->slots (frames never move: vm/frame.h).
// Scratch: r11 and xmm15 (never allocated; used inside one instruction's expansion or one move).
//
// EXITS: every exit has a cold path after the body: `sub rsp, 256; mov [rsp+88], r11; mov r11, &exit;
// jmp common`. The common tail stores every other GP register and the low halves of all xmm registers
// into the kr_jit_regs block at [rsp], calls kr_jit_rt_exit(vm, f, exit, regs, spills = rsp + 256)
// and returns KR_NULL through the epilogue, or, when it caught the exception in a handler of this
// code (compiler/jit_rt.h: it returns the handler's pc + 1), enters again through block 0's ENTRY.

#include <asmjit/x86.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

// The C headers come last: clang's <stdatomic.h> defines macros that break C++'s <atomic>.
// vm/vm.h declares `atomic_int interrupt` and gc/gc.h `atomic_size_t threshold` (C11 <stdatomic.h>). clang's <stdatomic.h> works in C++
// (_Atomic as an extension) and so does C++23's; for g++ before C++23 it declares nothing, and
// std::atomic<int> and std::atomic<size_t> (same size, alignment and representation) stand in. This file only needs the
// struct layouts to match; it reads the field's offset from C (kr_lir_layout_of) anyway.
#include <stdatomic.h>
#if !defined(__clang__) && __cplusplus <= 202002L
#include <atomic>
using std::atomic_int;
using std::atomic_size_t;
#endif

extern "C" {
#include "compiler/jit_rt.h"
#include "compiler/lir.h"
}

using namespace asmjit;

struct kr_jit_backend {
    kr_jit_backend_options opts;
    std::unique_ptr<JitAllocator> mem; // W^X: executable view and writable view of each block
    size_t code_bytes;                  // bytes of live compiled code (the code_limit counts these)
};

namespace {

// The first AsmJit error of an emission; the emitters then keep going harmlessly and we refuse.
class RecordingErrorHandler : public ErrorHandler {
public:
    Error err = kErrorOk;
    std::string message;
    void handleError(Error e, const char *msg, BaseEmitter *) override
    {
        if (err == kErrorOk) {
            err = e;
            message = msg ? msg : DebugUtils::errorAsString(e);
        }
    }
};

constexpr int kRegsSize = int(sizeof(kr_jit_regs)); // 256: keeps rsp 16-byte aligned
constexpr int kPollSave = 8 * 8 + 15 * 8 + 8;       // rax rcx rdx rsi rdi r8 r9 r10, xmm0..14; aligned
constexpr int kPollSavedGp[] = {0, 1, 2, 6, 7, 8, 9, 10}; // the caller-saved GPRs but r11 (scratch)

struct PollSlow {
    Label slow, back;
    int exit;
};

// The cold half of a BARRIER: the container and the stored value, in the registers they had.
struct BarrierSlow {
    Label slow, back;
    x86::Gp container, value;
};

class Emitter {
public:
    Emitter(kr_lir_func *lf, const kr_lir_layout &lay, x86::Assembler &a, kr_jit_exit *exits)
        : lf_(lf), ra_(lf->ra), lay_(lay), a_(a), exits_(exits) {}

    bool error = false;
    std::string why;

    void run();

private:
    kr_lir_func *lf_;
    const kr_ra_ctx *ra_;
    const kr_lir_layout &lay_;
    x86::Assembler &a_;
    kr_jit_exit *exits_;
    std::vector<Label> blocks_, exitLabels_;
    std::vector<PollSlow> polls_;
    // 64-bit constants an instruction reads from memory (RIP-relative) rather than materialising in
    // a register every time, emitted after the code; constMem(v) returns the operand.
    std::vector<std::pair<Label, uint64_t>> consts_;
    x86::Mem constMem(uint64_t v)
    {
        for (const auto &c : consts_)
            if (c.second == v)
                return x86::qword_ptr(c.first);
        consts_.emplace_back(a_.newLabel(), v);
        return x86::qword_ptr(consts_.back().first);
    }
    std::vector<BarrierSlow> barriers_;
    Label epilogue_;
    int frameSize_ = 0, entryOff_ = 0;
    std::vector<int> saved_; // callee-saved registers pushed, in push order

    void fail(const std::string &msg)
    {
        if (!error) {
            error = true;
            why = msg;
        }
    }

    static bool isXmm(int r) { return r >= 16; }
    x86::Gp gp(int v, int pos)
    {
        kr_ra_loc l = kr_ra_location_at(ra_, v, pos);
        if (l.kind != KR_RA_REG || isXmm(l.index)) {
            fail("operand v" + std::to_string(v) + " not in a GP register");
            return x86::r11;
        }
        return x86::gpq(uint32_t(l.index));
    }
    x86::Xmm xmm(int v, int pos)
    {
        kr_ra_loc l = kr_ra_location_at(ra_, v, pos);
        if (l.kind != KR_RA_REG || !isXmm(l.index)) {
            fail("operand v" + std::to_string(v) + " not in an xmm register");
            return x86::xmm15;
        }
        return x86::xmm(uint32_t(l.index - 16));
    }
    x86::Mem spill(int slot) { return x86::qword_ptr(x86::rsp, 8 * slot); }
    x86::Mem slotMem(int64_t i) { return x86::qword_ptr(x86::r14, int32_t(8 * i)); }
    static bool fitsI32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

    void movImm(const x86::Gp &r, int64_t imm)
    {
        if (imm == 0)
            a_.xor_(r.r32(), r.r32());
        else
            a_.mov(r, imm);
    }
    void moveLoc(kr_ra_loc dst, kr_ra_loc src, int64_t imm);
    void moveGroup(const kr_ra_move_group *g)
    {
        for (int i = 0; i < g->nseq; i++)
            moveLoc(g->seq[i].dst, g->seq[i].src, g->seq[i].imm);
    }
    Label exitLabel(const kr_lir_insn &in, int i)
    {
        if (in.exit < 0 || i >= in.nexits) {
            fail("instruction without its exit");
            return epilogue_;
        }
        return exitLabels_[size_t(in.exit + i)];
    }
    void condJump(const kr_lir_insn &in, int pos, Label t, bool negate);
    void emitDivConst(const kr_lir_insn &in, const x86::Gp &a, const x86::Gp &out);
    void emitArithConst(const kr_lir_insn &in, const x86::Gp &a, const x86::Gp &out);
    // The negative-step half of a RANGE whose step sign is known only at run time: the loop runs
    // upwards far more often, so that case falls through and this one waits after the body.
    struct RangeDown {
        Label entry, back, target;
        x86::Gp cur, stop;
        x86::CondCode cc;
    };
    std::vector<RangeDown> rangeDowns_;
    // A REVERSIBLE add or subtract done in place (lir.h): on overflow, `reg -= operand` (`reg +=`
    // for a subtract; imm when `op` is absent) undoes the wrapped result before the exit reads the
    // input there.
    struct Undo {
        Label entry, exit;
        x86::Gp reg, op;
        int32_t imm;
        bool sub;
        x86::Gp remat, rematBase; // valid: then remat = 2 * rematBase - 1 (a folded x * 2, see foldsIntoAdd)
    };
    std::vector<Undo> undos_;
    Label undoExit(const kr_lir_insn &in, const x86::Gp &reg, const x86::Gp &op, int32_t imm, bool sub)
    {
        Undo u{a_.newLabel(), exitLabel(in, 0), reg, op, imm, sub, x86::Gp(), x86::Gp()};
        undos_.push_back(u);
        return u.entry;
    }
    void emitInsn(uint32_t k, uint32_t block, const std::vector<std::vector<int>> &atPos,
                  const std::vector<std::vector<int>> &predEnd);
    bool foldsIntoAdd(uint32_t k, uint32_t block, const std::vector<std::vector<int>> &atPos) const;
    int64_t foldedMul_ = -1; // the IMUL foldsIntoAdd left to the IADD after it
    void emitGuardType(const x86::Gp &v, uint32_t types, Label exit);
    void emitIndex(const kr_lir_insn &in, int pos, const x86::Mem &size, Label exit);
    void emitLen(const x86::Gp &v, uint32_t types, const x86::Gp &out);
    void emitStrLen(const x86::Gp &v);
    // The int64 field that is 0 exactly when a sized builtin is empty: its len() for a list, tuple or
    // dict (kr_dict_used_offset); a str's UTF-8 byte count (its length in code points is in the
    // header word, see emitStrLen).
    int32_t sizeField(uint32_t typeBit) const
    {
        switch (typeBit) {
        case KR_HT_STR: return lay_.str_nbytes;
        case KR_HT_LIST: return lay_.list_size;
        case KR_HT_TUPLE: return lay_.tuple_size;
        default: return lay_.dict_used;
        }
    }
    void emitTruthy(const x86::Gp &v, uint32_t types, const x86::Gp &out);
    void emitCallRt(const kr_lir_insn &in, int u);
    void emitDirectCall(const kr_lir_insn &in, const kr_lir_direct_call &d, Label done, Label check);
    void emitDirectCMethod(const kr_lir_insn &in, const kr_lir_direct_call &d, Label done, Label check);
    void emitDirectCallEnd(const kr_lir_direct_call &d, const kr_insn *ip, Label done, Label check, bool store = true);
    void emitCallWithIp(const void *fn, const kr_insn *ip);
    void emitUnpackFast(const kr_lir_insn &in, Label done, bool iterated);
    void emitPoolAlloc(int cls, const void *type, Label slow);
    void emitLoadExact(const x86::Gp &dst, const x86::Gp &tmp, uint32_t slot, const void *type, Label slow);
    void emitBuildTupleFast(const kr_lir_insn &in, Label done);
    void emitMakeFunctionFast(const kr_lir_insn &in, Label done);
    void emitForIterFast(const kr_lir_insn &in, Label done);
    void emitSeqIterPeek(x86::Gp it, bool tuple, x86::Gp seq, x86::Gp idx, x86::Gp val, Label slow);
    void emitBinaryOpFast(const kr_lir_insn &in, int u, Label done);
    void emitPolyFast(const kr_lir_insn &in, int u, Label done);
    void emitSaveCallerSaved();
    void emitRestoreCallerSaved();
    void emitEpilogue();
    // Blocks are emitted in order except the skipped ones (empty edge splits, see run()), whose
    // label is their successor's: a jump to the next emitted block is a fall-through.
    std::vector<uint32_t> resolved_; // per block: itself, or the block a skipped one jumps to
    std::vector<uint32_t> next_;     // per block: the block emitted after it (nblocks: none)
    std::vector<bool> startMoves_;   // per block: the allocator placed moves at its start
    bool fallsTo(uint32_t block, uint32_t cur) const { return resolved_[block] == next_[cur]; }
    void jumpTo(uint32_t block, uint32_t cur)
    {
        if (!fallsTo(block, cur))
            a_.jmp(blocks_[block]);
    }
    bool jumpRotated(uint32_t block, uint32_t cur, const std::vector<std::vector<int>> &atPos,
                     const std::vector<std::vector<int>> &predEnd);
    bool rotates(uint32_t block, uint32_t cur, const std::vector<std::vector<int>> &atPos,
                 const std::vector<std::vector<int>> &predEnd) const;
    // A counted loop's header BRANCH that hir_lower.c strip-mined: in2 the strip limit, imm3 a
    // strip's length in tagged units, exit 0 the poll's.
    static bool stripMined(const kr_lir_insn &br)
    {
        return br.op == KR_LIR_BRANCH && br.kind == KR_LIR_BR_RANGE && br.imm3 > 0 && br.nin == 3 &&
               br.imm != 0 && br.nexits == 1;
    }
    void emitStripTest(const kr_lir_insn &br, int pos, Label body, Label exit);
    // Whether block b's back-edge takes its strip-mined header's test (so its POLL imm 1 is left out
    // and the IWRAP that test corrects steps without correcting).
    bool latchStrips(uint32_t b, const std::vector<std::vector<int>> &atPos,
                     const std::vector<std::vector<int>> &predEnd) const
    {
        const kr_lir_block &bl = lf_->blocks[b];
        const kr_lir_insn &term = lf_->insns[bl.first + bl.count - 1];
        return term.op == KR_LIR_JUMP && rotates(bl.succs[0], b, atPos, predEnd) &&
               stripMined(lf_->insns[lf_->blocks[resolved_[bl.succs[0]]].first]);
    }
    // Whether a strip-mined header BRANCH ends its strips where a remainder wraps (hir_lower.c
    // wrap_aligned_strips, imm2 naming the IWRAP): when that remainder is in a register at the header.
    const kr_lir_insn *wrapOf(const kr_lir_insn &br) const
    {
        return br.imm2 != 0 ? &lf_->insns[uint64_t(br.imm2 > 0 ? br.imm2 : -br.imm2) - 1] : nullptr;
    }
    bool wrapAligned(const kr_lir_insn &br) const
    {
        const kr_lir_insn *w = wrapOf(br);
        if (!stripMined(br) || !w)
            return false;
        kr_ra_loc rl = kr_ra_location_at(ra_, w->in[0], int(2 * (&br - lf_->insns)));
        return rl.kind == KR_RA_REG && !isXmm(rl.index);
    }
    void emitWrapFix(const kr_lir_insn &br, int pos);
};

void Emitter::moveLoc(kr_ra_loc dst, kr_ra_loc src, int64_t imm)
{
    if (src.kind == KR_RA_CONST) {
        if (dst.kind == KR_RA_REG && !isXmm(dst.index)) {
            a_.mov(x86::gpq(uint32_t(dst.index)), imm); // mov, not xor: flags stay as they are
        } else if (dst.kind == KR_RA_REG) {
            a_.mov(x86::r11, imm);
            a_.movq(x86::xmm(uint32_t(dst.index - 16)), x86::r11);
        } else if (dst.kind == KR_RA_STACK && fitsI32(imm)) {
            a_.mov(spill(dst.index), int32_t(imm));
        } else if (dst.kind == KR_RA_STACK) {
            a_.mov(x86::r11, imm);
            a_.mov(spill(dst.index), x86::r11);
        } else {
            fail("bad constant move");
        }
        return;
    }
    if (src.kind == KR_RA_REG && dst.kind == KR_RA_REG) {
        if (src.index == dst.index)
            return;
        bool sx = isXmm(src.index), dx = isXmm(dst.index);
        if (!sx && !dx)
            a_.mov(x86::gpq(uint32_t(dst.index)), x86::gpq(uint32_t(src.index)));
        else if (sx && dx)
            a_.movaps(x86::xmm(uint32_t(dst.index - 16)), x86::xmm(uint32_t(src.index - 16)));
        else if (sx)
            a_.movq(x86::gpq(uint32_t(dst.index)), x86::xmm(uint32_t(src.index - 16)));
        else
            a_.movq(x86::xmm(uint32_t(dst.index - 16)), x86::gpq(uint32_t(src.index)));
    } else if (src.kind == KR_RA_REG && dst.kind == KR_RA_STACK) {
        if (isXmm(src.index))
            a_.movsd(spill(dst.index), x86::xmm(uint32_t(src.index - 16)));
        else
            a_.mov(spill(dst.index), x86::gpq(uint32_t(src.index)));
    } else if (src.kind == KR_RA_STACK && dst.kind == KR_RA_REG) {
        if (isXmm(dst.index))
            a_.movsd(x86::xmm(uint32_t(dst.index - 16)), spill(src.index));
        else
            a_.mov(x86::gpq(uint32_t(dst.index)), spill(src.index));
    } else {
        fail("unsupported move (stack to stack must come sequentialised)");
    }
}

// x86 condition codes for a signed compare of tagged ints (tagging keeps the order).
static x86::CondCode intCond(int cmp)
{
    switch (cmp) {
    case KR_CMP_LT: return x86::CondCode::kL;
    case KR_CMP_LE: return x86::CondCode::kLE;
    case KR_CMP_EQ: return x86::CondCode::kE;
    case KR_CMP_NE: return x86::CondCode::kNE;
    case KR_CMP_GT: return x86::CondCode::kG;
    default: return x86::CondCode::kGE;
    }
}

// Jumps to t when the instruction's condition holds (or fails, with negate); falls through otherwise.
void Emitter::condJump(const kr_lir_insn &in, int pos, Label t, bool negate)
{
    uint8_t kind = in.kind;
    switch (in.op) {
    case KR_LIR_ICMP: kind = KR_LIR_BR_ICMP; break;
    case KR_LIR_FCMP: kind = KR_LIR_BR_FCMP; break;
    case KR_LIR_RANGE: kind = KR_LIR_BR_RANGE; break;
    case KR_LIR_IS: kind = KR_LIR_BR_IS; break;
    default: break;
    }
    switch (kind) {
    case KR_LIR_BR_BOOL:
        a_.cmp(gp(in.in[0], pos), int32_t(KR_TRUE));
        a_.j(negate ? x86::CondCode::kNE : x86::CondCode::kE, t);
        return;
    case KR_LIR_BR_ICMP: {
        if (in.in[1] < 0) // against the constant imm2 (a tagged small int: tagging keeps the order)
            a_.cmp(gp(in.in[0], pos), int32_t(in.imm2));
        else
            a_.cmp(gp(in.in[0], pos), gp(in.in[1], pos));
        x86::CondCode cc = intCond(in.cond);
        a_.j(negate ? x86::negateCond(cc) : cc, t);
        return;
    }
    case KR_LIR_BR_IS:
        if (in.in[1] < 0)
            a_.cmp(gp(in.in[0], pos), int32_t(in.imm2));
        else
            a_.cmp(gp(in.in[0], pos), gp(in.in[1], pos));
        a_.j((in.imm != 0) != negate ? x86::CondCode::kNE : x86::CondCode::kE, t);
        return;
    case KR_LIR_BR_DIVISIBLE: {
        // x % d == 0 for the constant d >= 2 without the remainder. d = 2^k: the low k bits of x, bits
        // 1..k of the tagged word. Otherwise, with d = d0 2^s (d0 odd), inv = d0^-1 mod 2^64 and
        // L = floor((2^64 - 1) / d): an unsigned u is a multiple of d iff rotr(u * inv mod 2^64, s) <= L
        // (Granlund & Montgomery 1994, §9; Hacker's Delight 10-17). u = x + B with B = d ceil(2^62 / d)
        // is non-negative, below 2^63 + d, and a multiple of d exactly when x is.
        const uint64_t d = uint64_t(in.imm2 >> 1);
        x86::Gp a = gp(in.in[0], pos), r11 = x86::r11;
        const bool eq = (in.cond == KR_CMP_EQ) != negate; // jump when divisible
        if ((d & (d - 1)) == 0) {
            int64_t mask = int64_t(d - 1) << 1;
            if (fitsI32(mask)) {
                a_.test(a, int32_t(mask));
            } else {
                a_.mov(r11, mask);
                a_.test(a, r11);
            }
            a_.j(eq ? x86::CondCode::kZ : x86::CondCode::kNZ, t);
            return;
        }
        // On the tagged word t = 2x + 1 itself: x is a multiple of d iff n = t - 1 = 2x (a signed
        // 64-bit value) is a multiple of 2d = d0 2^s, d0 odd. Signed divisibility (Hacker's Delight
        // 10-17): with M = d0^-1 mod 2^64, A = floor((2^63 - 1) / d0) with its low s bits cleared and
        // B = floor(2A / 2^s), n is a multiple iff rotr(n M + A, s) <= B (unsigned); and
        // n M + A = t M + (A - M). The three constants are read from memory (constMem), so the
        // test is a move, a multiply, an add, a rotate and a compare. tools/check_divisibility.py
        // checks the formula against x % d for random and boundary x and many d.
        const uint64_t dd = 2 * d;
        const int s = __builtin_ctzll(dd);
        const uint64_t d0 = dd >> s;
        uint64_t inv = d0; // Newton's iteration doubles the correct low bits: 3 (d0 odd) -> 96
        for (int i = 0; i < 5; i++)
            inv *= 2 - d0 * inv;
        const uint64_t A = ((~uint64_t(0) >> 1) / d0) & ~((uint64_t(1) << s) - 1);
        const uint64_t B = (2 * A) >> s;
        a_.mov(r11, a);
        a_.imul(r11, constMem(inv));
        a_.add(r11, constMem(A - inv));
        a_.ror(r11, s);
        a_.cmp(r11, constMem(B));
        a_.j(eq ? x86::CondCode::kBE : x86::CondCode::kA, t);
        return;
    }
    case KR_LIR_BR_RANGE: {
        x86::Gp cur = gp(in.in[0], pos), stop = gp(in.in[1], pos);
        if (in.imm != 0) {
            a_.cmp(cur, stop);
            x86::CondCode cc = in.imm > 0 ? x86::CondCode::kL : x86::CondCode::kG;
            a_.j(negate ? x86::negateCond(cc) : cc, t);
            return;
        }
        // the step's sign is known only at run time: tagged step > 0 iff the word > 1 (signed). The
        // upward case falls through (two untaken branches); the downward one is out of line.
        RangeDown down{a_.newLabel(), a_.newLabel(), t, cur, stop,
                       negate ? x86::CondCode::kLE : x86::CondCode::kG};
        a_.cmp(gp(in.in[2], pos), 1);
        a_.jle(down.entry);
        a_.cmp(cur, stop);
        a_.j(negate ? x86::CondCode::kGE : x86::CondCode::kL, t);
        a_.bind(down.back);
        rangeDowns_.push_back(down);
        return;
    }
    case KR_LIR_BR_FCMP: {
        // ucomisd sets ZF=PF=CF=1 when unordered (a NaN): every comparison but != is then false.
        x86::Xmm x = xmm(in.in[0], pos), y = xmm(in.in[1], pos);
        switch (in.cond) {
        case KR_CMP_LT: a_.ucomisd(y, x); a_.j(negate ? x86::CondCode::kBE : x86::CondCode::kA, t); return;
        case KR_CMP_LE: a_.ucomisd(y, x); a_.j(negate ? x86::CondCode::kB : x86::CondCode::kAE, t); return;
        case KR_CMP_GT: a_.ucomisd(x, y); a_.j(negate ? x86::CondCode::kBE : x86::CondCode::kA, t); return;
        case KR_CMP_GE: a_.ucomisd(x, y); a_.j(negate ? x86::CondCode::kB : x86::CondCode::kAE, t); return;
        default: break;
        }
        bool eq = (in.cond == KR_CMP_EQ) != negate; // jump when equal (ordered), else when not equal
        a_.ucomisd(x, y);
        if (eq) {
            Label no = a_.newLabel();
            a_.jp(no);
            a_.je(t);
            a_.bind(no);
        } else {
            a_.jp(t);
            a_.jne(t);
        }
        return;
    }
    default:
        fail("bad condition");
    }
}

// Exits unless the exact type of v is within `types` (kr_hir_type_bits). The heap part compares the
// object's type pointer with the VM's builtin types (read at compile time: they live as long as the VM).
void Emitter::emitGuardType(const x86::Gp &v, uint32_t types, Label exit)
{
    Label ok = a_.newLabel();
    if (types == KR_HT_SMALLINT) { // the common case: one test
        a_.test(v.r8(), 1);
        a_.jz(exit);
        return;
    }
    if (types & KR_HT_SMALLINT) {
        a_.test(v.r8(), 1);
        a_.jnz(ok);
    }
    if (types & KR_HT_BOOL) {
        a_.cmp(v, int32_t(KR_TRUE));
        a_.je(ok);
        a_.cmp(v, int32_t(KR_FALSE));
        a_.je(ok);
    }
    if (types & KR_HT_NONE) {
        a_.cmp(v, int32_t(KR_NONE));
        a_.je(ok);
    }
    if (types & KR_HT_UNBOUND) {
        a_.cmp(v, int32_t(KR_UNBOUND));
        a_.je(ok);
    }
    if (types & KR_HT_NULL) {
        a_.test(v, v);
        a_.jz(ok);
    }
    struct HeapType { uint32_t bit; const void *type; };
    const HeapType heap[] = {{KR_HT_BIGINT, lay_.t_int}, {KR_HT_FLOAT, lay_.t_float}, {KR_HT_STR, lay_.t_str},
                             {KR_HT_LIST, lay_.t_list}, {KR_HT_TUPLE, lay_.t_tuple}, {KR_HT_DICT, lay_.t_dict},
                             {KR_HT_FUNC, lay_.t_function}};
    uint32_t heapBits = KR_HT_BIGINT | KR_HT_FLOAT | KR_HT_STR | KR_HT_LIST | KR_HT_TUPLE | KR_HT_DICT | KR_HT_FUNC;
    if (types & (heapBits | KR_HT_OBJECT)) {
        // a heap pointer: low bits 000 and not KR_NULL
        a_.test(v, v);
        a_.jz(exit);
        a_.test(v.r8(), 7);
        a_.jnz(exit);
        x86::Mem typeField = x86::qword_ptr(v, lay_.obj_type);
        if (types & KR_HT_OBJECT) {
            // anything but the listed builtin types, plus those of them in `types`
            for (const HeapType &h : heap) {
                if (types & h.bit)
                    continue;
                a_.mov(x86::r11, uint64_t(uintptr_t(h.type)));
                a_.cmp(typeField, x86::r11);
                a_.je(exit);
            }
            a_.jmp(ok);
        } else {
            for (const HeapType &h : heap) {
                if (!(types & h.bit))
                    continue;
                a_.mov(x86::r11, uint64_t(uintptr_t(h.type)));
                a_.cmp(typeField, x86::r11);
                a_.je(ok);
            }
        }
    }
    a_.jmp(exit);
    a_.bind(ok);
}

// A direct call (hir.h's DIRECT CALLS): checks, the callee frame built and linked as vm/interp.c's
// frame_bind + frame_link do, a call of the callee's compiled entry, the frame popped as frame_pop
// does, the result stored in s[dst] and the safepoint. Falls through to the ordinary STEP (the code
// the caller emits next) when a check fails before anything changed; jumps to `check` with rax =
// kr_interp_call_* 's result when a slow end was needed, to `done` when all went inline. Only
// caller-saved registers are used: a STEP_CALL is a call, so nothing the allocator keeps lives there.
void Emitter::emitDirectCall(const kr_lir_insn &in, const kr_lir_direct_call &d, Label done, Label check)
{
    using namespace x86;
    Label generic = a_.newLabel(), resume = a_.newLabel();
    const kr_insn *ip = reinterpret_cast<const kr_insn *>(uintptr_t(in.imm));
    const Gp fn = r11, entry = r10, nf = rdx, top = rsi, nslots = rcx, defaults = r8;
    // the callee first: at a polymorphic site, a code that does not match costs only this
    Label bail = generic; // where a failed check goes: the instance allocated, s[dst] gets the class back
    if (d.cls) {
        // the class, at the version whose __new__ / __init__ the builder saw, and that __init__ at its
        // version; then its instance (object.__new__ through the class's new_, as call_class_init)
        // into the callee slot, as self, before the remaining checks, which put the class back if
        // they fail. Nothing collects until the frame is linked (allocation never does)
        bail = a_.newLabel();
        a_.mov(r11, uint64_t(uintptr_t(d.cls)));
        a_.cmp(slotMem(d.dst), r11);
        a_.jne(generic);
        a_.cmp(dword_ptr(r11, lay_.type_version), int32_t(d.cls_version));
        a_.jne(generic);
        a_.mov(fn, uint64_t(uintptr_t(d.func)));
        a_.cmp(dword_ptr(fn, lay_.func_version), int32_t(d.func_version));
        a_.jne(generic);
        a_.mov(rax, uint64_t(uintptr_t(ip + 2)));
        a_.mov(qword_ptr(r13, lay_.frame_pc), rax);
        a_.mov(rdi, r12);
        a_.mov(rsi, uint64_t(uintptr_t(d.cls)));
        a_.lea(rdx, slotMem(d.dst + 1));
        a_.mov(ecx, int32_t(d.npassed - 1));
        a_.xor_(r8d, r8d);
        a_.mov(rax, uint64_t(uintptr_t(d.cls_new)));
        a_.call(rax);
        a_.test(rax, rax);
        a_.jz(check); // raised (out of memory): the STEP's exit with the class still in its slot
        a_.mov(slotMem(d.dst), rax);
        a_.mov(fn, uint64_t(uintptr_t(d.func)));
    } else if (d.by_code) {
        // any function of that code object (closures of one def): a heap object of type function
        // whose __code__ is the code
        emitLoadExact(fn, rax, d.dst, lay_.t_function, generic);
        a_.mov(rax, uint64_t(uintptr_t(d.code)));
        a_.cmp(qword_ptr(fn, lay_.func_code), rax);
        a_.jne(generic);
    } else {
        // the function the site saw, at the same version (same __code__ and __defaults__)
        a_.mov(fn, uint64_t(uintptr_t(d.func)));
        a_.cmp(slotMem(d.dst), fn);
        a_.jne(generic);
        a_.cmp(dword_ptr(fn, lay_.func_version), int32_t(d.func_version));
        a_.jne(generic);
    }
    if (d.ncells) {
        // The callee's new cells first (each a pool block, or a runtime call that clobbers every
        // caller-saved register), written straight to their slots in the frame about to be built at
        // the stack top; should a check below fail, they are garbage and that memory is free stack
        // again. Nothing collects before the frame is linked (allocation never does).
        a_.mov(nf, qword_ptr(r12, lay_.vm_stack_top));
        a_.lea(top, qword_ptr(nf, int32_t(8 * (lay_.frame_words + d.nslots))));
        a_.cmp(top, qword_ptr(r12, lay_.vm_stack_end));
        a_.ja(generic);
        for (uint32_t i = 0; i < d.ncells; i++) {
            Label viaCall = a_.newLabel(), got = a_.newLabel();
            emitPoolAlloc(lay_.cell_class, lay_.t_cell, viaCall);
            a_.mov(rax, lay_.unbound);
            a_.mov(qword_ptr(r11, lay_.cell_contents), rax);
            a_.jmp(got);
            a_.bind(viaCall);
            a_.mov(rdi, r12);
            a_.mov(rax, uint64_t(uintptr_t(lay_.rt_new_cell)));
            a_.call(rax);
            a_.test(rax, rax);
            a_.jz(generic);
            a_.mov(r11, rax);
            a_.bind(got);
            a_.mov(rdx, qword_ptr(r12, lay_.vm_stack_top));
            a_.mov(qword_ptr(rdx, int32_t(8 * (lay_.frame_words + d.cell0 + i))), r11);
        }
        // the allocations clobbered fn: the callee checked above, from its slot
        a_.mov(fn, slotMem(d.dst));
    }
    if (d.self_slot >= 0) {
        a_.cmp(slotMem(d.self_slot), 0);
        a_.je(bail);
    } else if (d.null_slot >= 0) {
        a_.cmp(slotMem(d.null_slot), 0);
        a_.jne(bail);
    }
    uint32_t missing = d.nargs - d.npassed;
    if (missing) {
        // the last `missing` of the function's __defaults__: defaults = their address
        a_.mov(defaults, qword_ptr(fn, lay_.func_defaults));
        a_.test(defaults, defaults);
        a_.jz(bail);
        a_.mov(r9, qword_ptr(defaults, lay_.tuple_size));
        a_.cmp(r9, int32_t(missing));
        a_.jl(bail);
        a_.lea(defaults, qword_ptr(defaults, r9, 3, lay_.tuple_items - int32_t(8 * missing)));
    }
    // compiled callee; recursion limit, frame stack space and C-depth limit as frame_alloc and
    // jit_entry_for_call check them (the generic path raises or interprets when they fail)
    a_.mov(entry, uint64_t(uintptr_t(d.jit_code)));
    a_.mov(entry, qword_ptr(entry));
    a_.test(entry, entry);
    a_.jz(bail);
    a_.mov(eax, dword_ptr(r12, lay_.vm_depth));
    a_.cmp(eax, dword_ptr(r12, lay_.vm_recursion_limit));
    a_.jge(bail);
    a_.cmp(dword_ptr(r12, lay_.vm_c_depth), int32_t(lay_.max_c_depth));
    a_.jge(bail);
    a_.mov(nf, qword_ptr(r12, lay_.vm_stack_top));
    a_.lea(top, qword_ptr(nf, int32_t(8 * (lay_.frame_words + d.nslots))));
    a_.cmp(top, qword_ptr(r12, lay_.vm_stack_end));
    a_.ja(bail);
    // slots (frame_bind): the arguments, the defaults, the closure's cells, every other slot unbound
    a_.lea(nslots, qword_ptr(nf, int32_t(8 * lay_.frame_words)));
    for (uint32_t i = 0; i < d.npassed; i++) {
        a_.mov(rax, slotMem(d.arg0 + i));
        a_.mov(qword_ptr(nslots, int32_t(8 * i)), rax);
    }
    for (uint32_t j = 0; j < missing; j++) {
        a_.mov(rax, qword_ptr(defaults, int32_t(8 * j)));
        a_.mov(qword_ptr(nslots, int32_t(8 * (d.npassed + j))), rax);
    }
    if (d.nfree) {
        a_.mov(r9, qword_ptr(fn, lay_.func_closure));
        for (uint32_t i = 0; i < d.nfree; i++) {
            a_.mov(rax, qword_ptr(r9, lay_.tuple_items + int32_t(8 * i)));
            a_.mov(qword_ptr(nslots, int32_t(8 * (d.free0 + i))), rax);
        }
    }
    for (uint32_t i = 0; i < d.ncells; i++) { // a parameter's cell starts with its value
        if (d.cell_arg[i] < 0)
            continue;
        a_.mov(r9, qword_ptr(nslots, int32_t(8 * (d.cell0 + i))));
        a_.mov(rax, qword_ptr(nslots, int32_t(8 * d.cell_arg[i])));
        a_.mov(qword_ptr(r9, lay_.cell_contents), rax);
    }
    bool unboundLoaded = false;
    for (uint32_t i = d.nargs; i < d.nslots; i++) {
        if ((i >= d.free0 && i < d.free0 + d.nfree) || (i >= d.cell0 && i < d.cell0 + d.ncells))
            continue;
        if (!unboundLoaded) {
            a_.mov(rax, lay_.unbound);
            unboundLoaded = true;
        }
        a_.mov(qword_ptr(nslots, int32_t(8 * i)), rax);
    }
    // the header (frame_link)
    a_.mov(qword_ptr(nf, lay_.frame_slots), nslots);
    a_.mov(qword_ptr(nf, lay_.frame_prev), r13);
    a_.mov(rax, uint64_t(uintptr_t(d.code)));
    a_.mov(qword_ptr(nf, lay_.frame_code), rax);
    a_.mov(qword_ptr(nf, lay_.frame_func), fn);
    a_.mov(rax, qword_ptr(fn, lay_.func_globals));
    a_.mov(qword_ptr(nf, lay_.frame_globals), rax);
    a_.mov(rax, qword_ptr(fn, lay_.func_builtins));
    a_.mov(qword_ptr(nf, lay_.frame_builtins), rax);
    a_.xor_(eax, eax);
    a_.mov(qword_ptr(nf, lay_.frame_locals), rax);
    a_.mov(qword_ptr(nf, lay_.frame_gen), rax);
    a_.mov(rax, qword_ptr(r12, lay_.vm_handled_exc));
    a_.mov(qword_ptr(nf, lay_.frame_saved_handled), rax);
    a_.mov(rax, uint64_t(uintptr_t(d.first_pc)));
    a_.mov(qword_ptr(nf, lay_.frame_pc), rax);
    a_.mov(rax, (uint64_t(lay_.direct_frame_flags) << 32) | d.dst); // ret_slot, then flags
    a_.mov(qword_ptr(nf, lay_.frame_ret_slot), rax);
    // the caller resumes after the call (kr_interp_step_call's f->pc; tracebacks read it)
    a_.mov(rax, uint64_t(uintptr_t(ip + 2)));
    a_.mov(qword_ptr(r13, lay_.frame_pc), rax);
    a_.mov(qword_ptr(r12, lay_.vm_stack_top), top);
    a_.mov(qword_ptr(r12, lay_.vm_frame), nf);
    a_.add(dword_ptr(r12, lay_.vm_depth), 1);
    a_.add(dword_ptr(r12, lay_.vm_c_depth), 1);
    a_.mov(rdi, r12);
    a_.mov(rsi, nf);
    a_.xor_(edx, edx); // entry pc 0
    a_.call(entry);
    a_.test(rax, rax);
    a_.jz(resume);
    // returned: frame_pop (vm->frame is still the callee's frame)
    a_.mov(rdx, qword_ptr(r12, lay_.vm_frame));
    a_.mov(rcx, qword_ptr(rdx, lay_.frame_saved_handled));
    a_.mov(qword_ptr(r12, lay_.vm_handled_exc), rcx);
    a_.mov(qword_ptr(r12, lay_.vm_frame), r13);
    a_.mov(qword_ptr(r12, lay_.vm_stack_top), rdx);
    a_.sub(dword_ptr(r12, lay_.vm_depth), 1);
    a_.sub(dword_ptr(r12, lay_.vm_c_depth), 1);
    if (d.cls) {
        // __init__ must return None (call_class_init's TypeError otherwise); the instance is the result
        Label notNone = a_.newLabel();
        a_.cmp(rax, int32_t(KR_NONE));
        a_.jne(notNone);
        emitDirectCallEnd(d, ip, done, check, false);
        a_.bind(notNone);
        a_.mov(rdi, r12);
        a_.mov(rsi, rax);
        a_.mov(rax, uint64_t(uintptr_t(lay_.rt_init_result)));
        a_.call(rax); // NULL, the TypeError pending
        a_.jmp(check);
        a_.bind(resume);
        emitCallWithIp(lay_.rt_init_resume, ip);
        a_.jmp(check);
        a_.bind(bail);
        a_.mov(r11, uint64_t(uintptr_t(d.cls)));
        a_.mov(slotMem(d.dst), r11);
        a_.bind(generic);
        return;
    }
    emitDirectCallEnd(d, ip, done, check);
    a_.bind(resume);
    emitCallWithIp(lay_.interp_call_resume, ip);
    a_.jmp(check);
    a_.bind(generic);
}

// rax = fn(vm, f, ip): kr_interp_call_resume / kr_interp_call_poll.
void Emitter::emitCallWithIp(const void *fn, const kr_insn *ip)
{
    a_.mov(x86::rdi, x86::r12);
    a_.mov(x86::rsi, x86::r13);
    a_.mov(x86::rdx, uint64_t(uintptr_t(ip)));
    a_.mov(x86::rax, uint64_t(uintptr_t(fn)));
    a_.call(x86::rax);
}

// A direct call's end once the callee returned its result in rax (both kinds): the result into the
// callee slot, then kr_gc_safepoint's test (krait_interrupt zeroes the threshold, so it sees an
// interrupt too) with kr_interp_call_poll as its slow path, which goes on to `check`.
void Emitter::emitDirectCallEnd(const kr_lir_direct_call &d, const kr_insn *ip, Label done, Label check, bool store)
{
    if (store)
        a_.mov(slotMem(d.dst), x86::rax);
    a_.mov(x86::r11, x86::qword_ptr(x86::r12, lay_.vm_gc_allocated));
    a_.cmp(x86::r11, x86::qword_ptr(x86::r12, lay_.vm_gc_threshold));
    a_.jb(done);
    emitCallWithIp(lay_.interp_call_poll, ip);
    a_.jmp(check);
}

// A direct call of a C method descriptor on self (DIRECT CALLS, KR_HIR_STEP_CMETHOD): the callee slot
// holds the descriptor the site saw and self is a heap object of exactly its owner type (what the
// descriptor's own call checks), so its C function is called on the frame's slots (self and the
// arguments are adjacent), as kr_interp_step_call's generic tail would through kr_call. A builtin
// function (KR_HIR_STEP_CFUNC) or int / str / float (KR_HIR_STEP_CTYPE) needs only the callee's
// identity: cfunction_call and type_call would call exactly that C function on the arguments. The result is
// stored and the safepoint polled as for a Python callee; NULL (an exception) goes to `check` with
// rax = 0. Falls through to the generic STEP when a check fails.
void Emitter::emitDirectCMethod(const kr_lir_insn &in, const kr_lir_direct_call &d, Label done, Label check)
{
    using namespace x86;
    Label generic = a_.newLabel();
    const kr_insn *ip = reinterpret_cast<const kr_insn *>(uintptr_t(in.imm));
    a_.mov(r11, uint64_t(uintptr_t(d.func)));
    a_.cmp(slotMem(d.dst), r11);
    a_.jne(generic);
    if (d.ckind == KR_LIR_C_METHOD)
        emitLoadExact(rax, r11, d.arg0, d.owner, generic);
    if (d.null_slot >= 0) { // a builtin function that LOAD_METHOD found on a module: no self
        a_.cmp(slotMem(uint32_t(d.null_slot)), 0);
        a_.jne(generic);
    }
    a_.mov(rax, uint64_t(uintptr_t(ip + 2))); // as kr_interp_step_call: the caller is after the call
    a_.mov(qword_ptr(r13, lay_.frame_pc), rax);
    a_.mov(rdi, r12);
    if (d.ckind == KR_LIR_C_TYPE) { // new_(vm, type, args, nargs, kwnames)
        a_.mov(rsi, uint64_t(uintptr_t(d.func)));
        a_.lea(rdx, slotMem(d.arg0));
        a_.mov(ecx, int32_t(d.npassed));
        a_.xor_(r8d, r8d);
    } else { // fn(vm, args, nargs, kwnames)
        a_.lea(rsi, slotMem(d.arg0));
        a_.mov(edx, int32_t(d.npassed));
        a_.xor_(ecx, ecx);
    }
    a_.mov(rax, uint64_t(uintptr_t(d.cfn)));
    a_.call(rax);
    a_.test(rax, rax);
    a_.jz(check); // raised: the STEP's exit, which resumes at the call with the exception
    emitDirectCallEnd(d, ip, done, check);
    a_.bind(generic);
}

// CALL_RT: the arguments go to rsi, rdx, rcx, r8, r9 in the order of the function's signature (rdi is
// vm). The inputs may sit in each other's argument registers: when some input's register is the
// destination of another input, they are moved through the stack (all pushed, then popped into their
// registers: a parallel move; rsp is back to its aligned value before the call).
void Emitter::emitCallRt(const kr_lir_insn &in, int u)
{
    if (in.imm < 0 || in.imm >= KR_JIT_RT_COUNT || in.fs < 0) {
        fail("CALL_RT without a function or a frame state");
        return;
    }
    const kr_jit_rt_info &rt = kr_jit_rt_table[in.imm];
    Label done = a_.newLabel();
    if (in.imm == KR_JIT_RT_UNPACK || in.imm == KR_JIT_RT_UNPACK_ITERATED)
        emitUnpackFast(in, done, in.imm == KR_JIT_RT_UNPACK_ITERATED);
    else if (in.imm == KR_JIT_RT_BUILD_TUPLE)
        emitBuildTupleFast(in, done);
    else if (in.imm == KR_JIT_RT_MAKE_FUNCTION)
        emitMakeFunctionFast(in, done);
    else if (in.imm == KR_JIT_RT_FOR_ITER || in.imm == KR_JIT_RT_FOR_ITER_UNPACK)
        emitForIterFast(in, done);
    else if (in.imm == KR_JIT_RT_BINARY_OP)
        emitBinaryOpFast(in, u, done);
    else if ((in.imm == KR_JIT_RT_LOAD_ATTR || in.imm == KR_JIT_RT_LOAD_METHOD) && in.imm3)
        emitPolyFast(in, u, done);
    static const x86::Gp kArgs[] = {x86::rsi, x86::rdx, x86::rcx, x86::r8, x86::r9};
    x86::Gp src[KR_LIR_MAX_IN], dst[KR_LIR_MAX_IN];
    int nv = 0, j = 0;
    for (const char *p = rt.sig; *p && j < 5; p++, j++)
        if (*p == 'v') {
            if (nv >= in.nin) {
                fail("CALL_RT with too few inputs");
                return;
            }
            src[nv] = gp(in.in[nv], u);
            dst[nv] = kArgs[j];
            nv++;
        }
    // the frame shows the instruction being run while the function runs (Python code, tracebacks)
    const kr_hir_fs &fs = lf_->hir->fss[in.fs];
    a_.mov(x86::r11, uint64_t(uintptr_t(lf_->hir->code->insns + fs.pc)));
    a_.mov(x86::qword_ptr(x86::r13, lay_.frame_pc), x86::r11);
    bool clash = false;
    for (int i = 0; i < nv; i++)
        for (int k = 0; k < nv; k++)
            clash |= i != k && dst[i].id() == src[k].id();
    if (clash) {
        for (int i = 0; i < nv; i++)
            a_.push(src[i]);
        for (int i = nv; i-- > 0;)
            a_.pop(dst[i]);
    } else {
        for (int i = 0; i < nv; i++)
            if (dst[i].id() != src[i].id())
                a_.mov(dst[i], src[i]);
    }
    j = 0;
    for (const char *p = rt.sig; *p && j < 5; p++, j++)
        if (*p == 'i')
            movImm(kArgs[j], in.imm2);
    a_.mov(x86::rdi, x86::r12);
    a_.mov(x86::rax, uint64_t(reinterpret_cast<uintptr_t>(rt.fn)));
    a_.call(x86::rax);
    if (rt.kind == KR_JIT_RT_VALUE) {
        a_.test(x86::rax, x86::rax);
        a_.jz(exitLabel(in, 0));
    } else {
        a_.test(x86::eax, x86::eax);
        a_.js(exitLabel(in, 0));
        a_.setnz(x86::al);
        a_.movzx(x86::eax, x86::al);
        a_.shl(x86::eax, 3); // 0/1 -> KR_FALSE/KR_TRUE (they are 8 apart)
        a_.add(x86::eax, int32_t(KR_FALSE));
    }
    a_.bind(done);
}

// A slow path's call keeps every caller-saved register the allocator may use (kPollSavedGp, xmm0..14)
// in the kPollSave bytes the caller has just reserved at rsp; restored after the call.
void Emitter::emitSaveCallerSaved()
{
    for (int i = 0; i < 8; i++)
        a_.mov(x86::qword_ptr(x86::rsp, 8 * i), x86::gpq(uint32_t(kPollSavedGp[i])));
    for (int i = 0; i < 15; i++)
        a_.movsd(x86::qword_ptr(x86::rsp, 64 + 8 * i), x86::xmm(uint32_t(i)));
}

void Emitter::emitRestoreCallerSaved()
{
    for (int i = 0; i < 8; i++)
        a_.mov(x86::gpq(uint32_t(kPollSavedGp[i])), x86::qword_ptr(x86::rsp, 8 * i));
    for (int i = 0; i < 15; i++)
        a_.movsd(x86::xmm(uint32_t(i)), x86::qword_ptr(x86::rsp, 64 + 8 * i));
}

// A polymorphic LOAD_ATTR / LOAD_METHOD site (vm/code.h's KR_FB_ATTR_POLY), probed inline as
// kr_interp_op_poly_hit does: the entries are read at run time from the site's kr_fb_poly (which the
// interpreter keeps filling, and which lives as long as the code), so nothing is embedded but its
// address. LOAD_ATTR handles instance slots and class values (rax = the attribute), LOAD_METHOD
// methods (s[A], s[A+1] = function, self; rax = KR_FALSE); anything else falls through to the call.
// Scratch registers are caller-saved ones other than LOAD_ATTR's input, which must survive for the
// call (a CALL_RT is a call: nothing else the allocator keeps is in them).
void Emitter::emitPolyFast(const kr_lir_insn &in, int u, Label done)
{
    using namespace x86;
    const bool method = in.imm == KR_JIT_RT_LOAD_METHOD;
    const kr_insn insn = *reinterpret_cast<const kr_insn *>(uintptr_t(in.imm2));
    if (method ? in.nin != 0 : in.nin != 1)
        return;
    std::vector<Gp> scratch;
    Gp input = r11;
    if (!method)
        input = gp(in.in[0], u);
    for (Gp g : {rcx, rdx, rsi, rdi, r8, r9, r10, r11})
        if (method || g.id() != input.id())
            scratch.push_back(g);
    const Gp obj = method ? scratch[3] : input;
    const Gp t = scratch[0], p = scratch[1], tmp = scratch[2];
    Label slow = a_.newLabel();
    if (method)
        a_.mov(obj, slotMem(KR_INSN_B(insn)));
    a_.test(obj.r8(), 7);
    a_.jnz(slow);
    a_.test(obj, obj);
    a_.jz(slow);
    a_.mov(t, qword_ptr(obj, lay_.obj_type));
    a_.mov(p, uint64_t(in.imm3));
    for (int i = 0; i < lay_.poly_ways; i++) {
        const int32_t e = lay_.poly_entries + i * lay_.poly_entry_size;
        Label next = a_.newLabel(), noShape = a_.newLabel(), value = a_.newLabel();
        a_.cmp(t, qword_ptr(p, e + lay_.pe_type));
        a_.jne(next);
        a_.mov(tmp.r32(), dword_ptr(t, lay_.type_version));
        a_.cmp(tmp.r32(), dword_ptr(p, e + lay_.pe_version));
        a_.jne(slow);
        if (method) {
            a_.cmp(word_ptr(p, e + lay_.pe_kind), lay_.kind_method);
            a_.jne(slow);
            a_.mov(tmp, qword_ptr(p, e + lay_.pe_shape));
            a_.test(tmp, tmp); // NULL: a builtin type, no instance attributes to shadow the method
            a_.jz(noShape);
            a_.cmp(tmp, qword_ptr(obj, lay_.inst_shape));
            a_.jne(slow);
            a_.bind(noShape);
            a_.mov(tmp, qword_ptr(p, e + lay_.pe_value));
            a_.mov(slotMem(KR_INSN_A(insn)), tmp);
            a_.mov(slotMem(KR_INSN_A(insn) + 1), obj);
            a_.mov(eax, int32_t(KR_FALSE));
            a_.jmp(done);
        } else {
            a_.mov(tmp, qword_ptr(obj, lay_.inst_shape));
            a_.cmp(tmp, qword_ptr(p, e + lay_.pe_shape));
            a_.jne(slow);
            a_.cmp(word_ptr(p, e + lay_.pe_kind), lay_.kind_type_value);
            a_.je(value);
            a_.cmp(word_ptr(p, e + lay_.pe_kind), lay_.kind_shape_slot);
            a_.jne(slow);
            a_.mov(tmp, qword_ptr(p, e + lay_.pe_index));
            a_.mov(t, qword_ptr(obj, lay_.inst_slots));
            a_.mov(rax, qword_ptr(t, tmp, 3));
            a_.jmp(done);
            a_.bind(value);
            a_.mov(rax, qword_ptr(p, e + lay_.pe_value));
            a_.jmp(done);
        }
        a_.bind(next);
    }
    a_.bind(slow);
}

// The next item of the list (tuple) iterator `it`, whose type the caller checked, into `val` without
// advancing it: `idx` = its index, `seq` scratch; a dropped sequence (exhausted) or an index at the
// end jumps to `slow`. `val` may be `seq`.
void Emitter::emitSeqIterPeek(x86::Gp it, bool tuple, x86::Gp seq, x86::Gp idx, x86::Gp val, Label slow)
{
    using namespace x86;
    a_.mov(seq, qword_ptr(it, tuple ? lay_.tuple_iter_seq : lay_.list_iter_seq));
    a_.test(seq, seq);
    a_.jz(slow);
    a_.mov(idx, qword_ptr(it, tuple ? lay_.tuple_iter_index : lay_.list_iter_index));
    a_.cmp(idx, qword_ptr(seq, tuple ? lay_.tuple_size : lay_.list_size));
    a_.jge(slow);
    if (tuple) {
        a_.mov(val, qword_ptr(seq, idx, 3, lay_.tuple_items));
    } else {
        a_.mov(seq, qword_ptr(seq, lay_.list_items));
        a_.mov(val, qword_ptr(seq, idx, 3));
    }
}

// FOR_ITER inline for the iterators generic loops meet most (no runtime call, no feedback: the loop
// feedback the call counts only triggers compilation, which has happened):
// - a list iterator with an item left (kr_interp_op_for_iter_list): the item into s[B];
// - FOR_ITER only: an exact range iterator without KR_RANGE_BIG with an item left whose value is a
//   small int (range_iter_next): the item into s[B], next += step, remaining -= 1 (a genexpr's
//   `for j in range(n)` iterates the range iterator passed in, which the counted loop cannot fuse);
// - FOR_ITER_UNPACK into two slots: an exact zip of two iterators, each an exact list or tuple
//   iterator, both with an item left (kr_zip_next_into): both items into the UNPACK's slots, both
//   indexes advanced, KR_NULL in s[B] (the UNPACK_ITERATED then does nothing). Nothing is changed
//   before both items are found, so the call sees the zip untouched.
// Each sets rax = KR_TRUE (status 1) and goes on to `done`. Exhausted iterators (which drop their
// sequence, or end a zip with strict's checks), big ranges and anything else take the runtime call.
// Only caller-saved registers, as emitUnpackFast.
void Emitter::emitForIterFast(const kr_lir_insn &in, Label done)
{
    using namespace x86;
    const kr_insn *ip = reinterpret_cast<const kr_insn *>(uintptr_t(in.imm2));
    uint32_t state = KR_INSN_A(ip[0]), item = KR_INSN_B(ip[0]);
    const bool unpack = in.imm == KR_JIT_RT_FOR_ITER_UNPACK;
    if (in.nin != 0)
        return;
    Label slow = a_.newLabel(), notList = a_.newLabel();
    a_.mov(rax, slotMem(state));
    a_.test(al, 7);
    a_.jnz(slow);
    a_.test(rax, rax);
    a_.jz(slow);
    a_.mov(r11, qword_ptr(rax, lay_.obj_type));
    a_.mov(rcx, uint64_t(uintptr_t(lay_.t_list_iter)));
    a_.cmp(r11, rcx);
    a_.jne(notList);
    emitSeqIterPeek(rax, false, rdx, rcx, r11, slow);
    a_.mov(slotMem(item), r11);
    a_.add(rcx, 1);
    a_.mov(qword_ptr(rax, lay_.list_iter_index), rcx);
    a_.mov(eax, int32_t(KR_TRUE));
    a_.jmp(done);
    a_.bind(notList);
    if (!unpack) {
        a_.mov(rcx, uint64_t(uintptr_t(lay_.t_range_iter)));
        a_.cmp(r11, rcx);
        a_.jne(slow);
        a_.test(word_ptr(rax, lay_.obj_flags), int32_t(lay_.range_big));
        a_.jnz(slow);
        a_.mov(rcx, qword_ptr(rax, lay_.range_iter_remaining));
        a_.test(rcx, rcx);
        a_.jz(slow);
        a_.mov(rdx, qword_ptr(rax, lay_.range_iter_next));
        a_.lea(r11, qword_ptr(rdx, rdx)); // tagged: 2 * next + 1, unless next is beyond a small int
        a_.sar(r11, 1);
        a_.cmp(r11, rdx);
        a_.jne(slow);
        a_.lea(r11, qword_ptr(rdx, rdx, 0, 1));
        a_.mov(slotMem(item), r11);
        a_.add(rdx, qword_ptr(rax, lay_.range_iter_step)); // modulo 2^64 after the last item (vm/range.h)
        a_.mov(qword_ptr(rax, lay_.range_iter_next), rdx);
        a_.sub(rcx, 1);
        a_.mov(qword_ptr(rax, lay_.range_iter_remaining), rcx);
        a_.mov(eax, int32_t(KR_TRUE));
        a_.jmp(done);
    } else if (KR_INSN_C(ip[2]) == 2 && lay_.list_iter_index == lay_.tuple_iter_index) {
        // the items are found first (r8, r9) and both iterators advanced only then
        const uint32_t ub = KR_INSN_B(ip[2]);
        a_.mov(rcx, uint64_t(uintptr_t(lay_.t_zip)));
        a_.cmp(r11, rcx);
        a_.jne(slow);
        a_.mov(rax, qword_ptr(rax, lay_.zip_iters));
        a_.test(rax, rax);
        a_.jz(slow);
        a_.cmp(qword_ptr(rax, lay_.tuple_size), 2);
        a_.jne(slow);
        a_.mov(rsi, qword_ptr(rax, lay_.tuple_items));
        a_.mov(rdi, qword_ptr(rax, lay_.tuple_items + 8));
        const Gp its[2] = {rsi, rdi}, vals[2] = {r8, r9};
        for (int k = 0; k < 2; k++) {
            const Gp it = its[k], v = vals[k];
            Label tuple = a_.newLabel(), found = a_.newLabel();
            a_.test(it.r8(), 7);
            a_.jnz(slow);
            a_.mov(rcx, qword_ptr(it, lay_.obj_type));
            a_.mov(rdx, uint64_t(uintptr_t(lay_.t_list_iter)));
            a_.cmp(rcx, rdx);
            a_.jne(tuple);
            emitSeqIterPeek(it, false, rdx, r10, v, slow);
            a_.jmp(found);
            a_.bind(tuple);
            a_.mov(rdx, uint64_t(uintptr_t(lay_.t_tuple_iter)));
            a_.cmp(rcx, rdx);
            a_.jne(slow);
            emitSeqIterPeek(it, true, rdx, r10, v, slow);
            a_.bind(found);
        }
        a_.add(qword_ptr(rsi, lay_.list_iter_index), 1);
        a_.add(qword_ptr(rdi, lay_.list_iter_index), 1);
        a_.mov(slotMem(ub), r8);
        a_.mov(slotMem(ub + 1), r9);
        a_.mov(slotMem(item), 0);
        a_.mov(eax, int32_t(KR_TRUE));
        a_.jmp(done);
    }
    a_.bind(slow);
}

// BINARY_OP left generic (the site saw several types, e.g. a loop run with ints, then with floats),
// inline for the common operands; no feedback (the site is compiled already), the same results:
// - two small ints: + - * with an overflow check (the call then makes the big int);
// - small ints and exact floats, at least one float: + - * / on doubles (an int converted exactly as
//   float(int) does: cvtsi2sd rounds to nearest even, and a small int has at most 62 bits), a zero
//   divisor left to the call for its ZeroDivisionError; the result boxed from the collector's pool,
//   else by kr_jit_rt_box_float (exit 0 on its failure, as the call's).
// Scratch registers are caller-saved ones other than the inputs, which the call needs; once the
// double is computed the inputs are no longer needed.
void Emitter::emitBinaryOpFast(const kr_lir_insn &in, int u, Label done)
{
    using namespace x86;
    const kr_insn insn = *reinterpret_cast<const kr_insn *>(uintptr_t(in.imm2));
    const unsigned op = KR_INSN_X(insn) & 0x7f;
    if (in.nin != 2 || (op != KR_OP_ADD && op != KR_OP_SUB && op != KR_OP_MUL && op != KR_OP_TRUEDIV))
        return;
    const Gp a = gp(in.in[0], u), b = gp(in.in[1], u);
    std::vector<Gp> scratch;
    for (Gp g : {rcx, rdx, rsi, rdi, r8, r9, r10, r11})
        if (g.id() != a.id() && g.id() != b.id())
            scratch.push_back(g);
    const Gp t = scratch[0], t2 = scratch[1];
    Label slow = a_.newLabel(), notInts = a_.newLabel(), boxSlow = a_.newLabel();
    a_.mov(t, a);
    a_.and_(t, b);
    a_.test(t.r8(), 1);
    a_.jz(notInts);
    if (op == KR_OP_TRUEDIV) {
        a_.jmp(slow);
    } else {
        a_.mov(t, a);
        if (op == KR_OP_ADD) {
            a_.sub(t, 1); // a - 1 + b: tagged sum; a - 1 cannot overflow (a is odd)
            a_.add(t, b);
            a_.jo(slow);
        } else if (op == KR_OP_SUB) {
            a_.sub(t, b); // even, at most INT64_MAX - 1: the + 1 cannot overflow
            a_.jo(slow);
            a_.add(t, 1);
        } else {
            a_.sar(t, 1); // x * (2y) + 1
            a_.lea(t2, qword_ptr(b, -1));
            a_.imul(t, t2);
            a_.jo(slow);
            a_.or_(t, 1);
        }
        a_.mov(rax, t);
        a_.jmp(done);
    }
    a_.bind(notInts);
    const Gp ops[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        const Xmm x = x86::xmm(uint32_t(k));
        Label ptr = a_.newLabel(), got = a_.newLabel();
        a_.test(ops[k].r8(), 1);
        a_.jz(ptr);
        a_.mov(t, ops[k]);
        a_.sar(t, 1);
        a_.cvtsi2sd(x, t);
        a_.jmp(got);
        a_.bind(ptr);
        a_.test(ops[k].r8(), 7);
        a_.jnz(slow);
        a_.test(ops[k], ops[k]);
        a_.jz(slow);
        a_.mov(t, uint64_t(uintptr_t(lay_.t_float)));
        a_.cmp(qword_ptr(ops[k], lay_.obj_type), t);
        a_.jne(slow);
        a_.movsd(x, qword_ptr(ops[k], lay_.float_value));
        a_.bind(got);
    }
    if (op == KR_OP_ADD) {
        a_.addsd(xmm0, xmm1);
    } else if (op == KR_OP_SUB) {
        a_.subsd(xmm0, xmm1);
    } else if (op == KR_OP_MUL) {
        a_.mulsd(xmm0, xmm1);
    } else {
        a_.xorps(xmm2, xmm2);
        a_.ucomisd(xmm1, xmm2); // equal (or unordered: a NaN divisor, rare) -> the call
        a_.je(slow);
        a_.divsd(xmm0, xmm1);
    }
    emitPoolAlloc(lay_.float_class, lay_.t_float, boxSlow);
    a_.movsd(qword_ptr(r11, lay_.float_value), xmm0);
    a_.mov(rax, r11);
    a_.jmp(done);
    a_.bind(boxSlow);
    a_.mov(rdi, r12);
    a_.mov(rax, uint64_t(uintptr_t(lay_.rt_box_float)));
    a_.call(rax);
    a_.test(rax, rax);
    a_.jz(exitLabel(in, 0));
    a_.jmp(done);
    a_.bind(slow);
}

// dst = s[slot], jumping to `slow` unless it is a heap object of exactly `type` (tmp is clobbered).
void Emitter::emitLoadExact(const x86::Gp &dst, const x86::Gp &tmp, uint32_t slot, const void *type, Label slow)
{
    a_.mov(dst, slotMem(slot));
    a_.test(dst.r8(), 7);
    a_.jnz(slow);
    a_.test(dst, dst);
    a_.jz(slow);
    a_.mov(tmp, uint64_t(uintptr_t(type)));
    a_.cmp(x86::qword_ptr(dst, lay_.obj_type), tmp);
    a_.jne(slow);
}

// An object of size class cls (gc/gc.h) and type `type` from the collector's pool, as kr_gc_alloc
// takes one when there is no memory limit and the young objects' array has room: its header set
// (young, the class in gc_flags), registered, its bytes accounted; the rest of it is left for the
// caller to fill. The object is in r11; rcx and rdx are used. Jumps to `slow` (nothing changed) when
// the pool has none. Only caller-saved registers: its users are calls for the allocator.
void Emitter::emitPoolAlloc(int cls, const void *type, Label slow)
{
    using namespace x86;
    const Gp o = r11, n = rcx, t = rdx;
    const int32_t pool = lay_.gc_pool + 8 * cls, bytes = 16 * cls;
    Label peakOk = a_.newLabel();
    a_.mov(o, qword_ptr(r12, pool));
    a_.test(o, o);
    a_.jz(slow);
    a_.cmp(qword_ptr(r12, lay_.gc_limit), 0);
    a_.jne(slow);
    a_.mov(n, qword_ptr(r12, lay_.gc_nobjects));
    a_.cmp(n, qword_ptr(r12, lay_.gc_objects_cap));
    a_.jae(slow);
    a_.mov(t, qword_ptr(o));
    a_.mov(qword_ptr(r12, pool), t);
    a_.sub(qword_ptr(r12, lay_.gc_pool_bytes), bytes);
    a_.mov(t, uint64_t(uintptr_t(type)));
    a_.mov(qword_ptr(o, lay_.obj_type), t);
    a_.mov(t, lay_.pool_header_word[cls]);
    a_.mov(qword_ptr(o, 8), t);
    a_.mov(t, qword_ptr(r12, lay_.gc_objects));
    a_.mov(qword_ptr(t, n, 3), o);
    a_.add(n, 1);
    a_.mov(qword_ptr(r12, lay_.gc_nobjects), n);
    a_.mov(t, qword_ptr(r12, lay_.vm_gc_allocated));
    a_.add(t, bytes);
    a_.mov(qword_ptr(r12, lay_.vm_gc_allocated), t);
    a_.cmp(t, qword_ptr(r12, lay_.gc_peak));
    a_.jbe(peakOk);
    a_.mov(qword_ptr(r12, lay_.gc_peak), t);
    a_.bind(peakOk);
}

// MAKE_FUNCTION with no parts or a closure only (lambdas, nested defs), inline: what kr_func_new and
// kr_interp_op_make_function do, when the frame's globals are the dict kr_func_new last made a function
// with and its keys are unchanged (vm->func_globals / func_globals_kv: the cached slots of __name__ and
// __builtins__ are valid, and are read now, as kr_func_new reads them) and __builtins__ is a dict or a
// module. code, name, qualname and doc come from the code object (immutable: embedded); every other
// field is written (the pool block holds garbage). rax = the function and on to `done`; anything else
// (defaults, no pooled block, another globals dict) takes the call, which refills the cache.
void Emitter::emitMakeFunctionFast(const kr_lir_insn &in, Label done)
{
    using namespace x86;
    const kr_insn insn = *reinterpret_cast<const kr_insn *>(uintptr_t(in.imm2));
    unsigned x = KR_INSN_X(insn);
    if (in.nin != 0 || (x != 0 && x != KR_MKFN_CLOSURE) || lay_.func_class > lay_.pool_classes ||
        16 * lay_.func_class < lay_.func_version + 8)
        return;
    uint64_t tmpl[4];
    if (!kr_jit_func_template(lf_->hir->code, KR_INSN_BX(insn), tmpl))
        return;
    Label slow = a_.newLabel(), haveB = a_.newLabel();
    const Gp g = rax, mod = rsi, b = rdi, t = r8;
    a_.mov(g, qword_ptr(r13, lay_.frame_globals));
    a_.cmp(g, qword_ptr(r12, lay_.vm_func_globals));
    a_.jne(slow);
    a_.mov(t, qword_ptr(g, lay_.dict_keys_version));
    a_.cmp(t, qword_ptr(r12, lay_.vm_func_globals_kv));
    a_.jne(slow);
    // module = globals['__name__'] (absent or empty: the call, which stores None)
    a_.mov(mod, qword_ptr(r12, lay_.vm_func_name_slot));
    a_.test(mod, mod);
    a_.jz(slow);
    a_.mov(mod, qword_ptr(mod));
    a_.test(mod, mod);
    a_.jz(slow);
    // builtins = globals['__builtins__'] if a dict, its dict if a module (exactly), else the call
    a_.mov(b, qword_ptr(r12, lay_.vm_func_builtins_slot));
    a_.test(b, b);
    a_.jz(slow);
    a_.mov(b, qword_ptr(b));
    a_.test(b, b);
    a_.jz(slow);
    a_.test(b.r8(), 7);
    a_.jnz(slow);
    a_.mov(t, qword_ptr(b, lay_.obj_type));
    movImm(r9, int64_t(uintptr_t(lay_.t_dict)));
    a_.cmp(t, r9);
    a_.je(haveB);
    movImm(r9, int64_t(uintptr_t(lay_.t_module)));
    a_.cmp(t, r9);
    a_.jne(slow);
    a_.mov(b, qword_ptr(b, lay_.module_dict));
    a_.bind(haveB);
    emitPoolAlloc(lay_.func_class, lay_.t_function, slow); // r11; rcx, rdx clobbered
    a_.xor_(ecx, ecx);
    for (int32_t off = 16; off + 8 <= 16 * lay_.func_class && off < lay_.func_size; off += 8)
        a_.mov(qword_ptr(r11, off), rcx); // defaults, kwdefaults, annotations, dict, version
    a_.mov(qword_ptr(r11, lay_.func_globals), g);
    a_.mov(qword_ptr(r11, lay_.func_builtins), b);
    a_.mov(qword_ptr(r11, lay_.func_module), mod);
    const int32_t fixed[4] = {lay_.func_code, lay_.func_name, lay_.func_qualname, lay_.func_doc};
    for (int i = 0; i < 4; i++) {
        movImm(rdx, int64_t(tmpl[i]));
        a_.mov(qword_ptr(r11, fixed[i]), rdx);
    }
    if (x & KR_MKFN_CLOSURE) {
        a_.mov(rdx, slotMem(KR_INSN_A(insn) + 1));
        a_.mov(qword_ptr(r11, lay_.func_closure), rdx);
    }
    a_.mov(rax, r11);
    a_.jmp(done);
    a_.bind(slow);
}

// BUILD_TUPLE of 1..12 items (a pooled size class), inline: a tuple from the pool with its size, an
// uncomputed hash and the items copied from their slots (kr_tuple_from_array), rax = it and on to
// `done`; else (or no pooled block) the runtime call.
void Emitter::emitBuildTupleFast(const kr_lir_insn &in, Label done)
{
    using namespace x86;
    const kr_insn insn = *reinterpret_cast<const kr_insn *>(uintptr_t(in.imm2));
    uint32_t first = KR_INSN_B(insn), n = KR_INSN_C(insn);
    int cls = (lay_.tuple_base + 8 * int(n) + 15) >> 4;
    if (in.nin != 0 || n == 0 || cls > lay_.pool_classes)
        return;
    Label slow = a_.newLabel();
    emitPoolAlloc(cls, lay_.t_tuple, slow);
    a_.mov(qword_ptr(r11, lay_.tuple_size), int32_t(n));
    a_.mov(qword_ptr(r11, lay_.tuple_hash), -1);
    for (uint32_t i = 0; i < n; i++) {
        a_.mov(rcx, slotMem(first + i));
        a_.mov(qword_ptr(r11, lay_.tuple_items + int32_t(8 * i)), rcx);
    }
    a_.mov(rax, r11);
    a_.jmp(done);
    a_.bind(slow);
}

// UNPACK_SEQUENCE of an exact tuple or list of the right size, inline: the items are copied into
// their slots as kr_interp_op_unpack does, rax = KR_FALSE (status 0) and on to `done`; anything else
// (another type, a wrong size and its ValueError) falls through to the runtime call. `iterated`:
// UNPACK_ITERATED, whose KR_NULL sequence means the values are in place already (status 0). Uses only
// caller-saved registers before the call, which the allocator keeps nothing in (a CALL_RT is a call;
// UNPACK takes no register inputs).
void Emitter::emitUnpackFast(const kr_lir_insn &in, Label done, bool iterated)
{
    using namespace x86;
    const kr_insn insn = *reinterpret_cast<const kr_insn *>(uintptr_t(in.imm2));
    uint32_t seq = KR_INSN_A(insn), first = KR_INSN_B(insn), n = KR_INSN_C(insn);
    if (in.nin != 0 || n > 16)
        return;
    Label slow = a_.newLabel(), notTuple = a_.newLabel(), copy = a_.newLabel(), finish = a_.newLabel();
    a_.mov(rax, slotMem(seq));
    a_.test(al, 7);
    a_.jnz(slow);
    a_.test(rax, rax);
    a_.jz(iterated ? finish : slow); // UNPACK_ITERATED: KR_NULL, the values are in place

    a_.mov(r11, qword_ptr(rax, lay_.obj_type));
    a_.mov(rcx, uint64_t(uintptr_t(lay_.t_tuple)));
    a_.cmp(r11, rcx);
    a_.jne(notTuple);
    a_.cmp(qword_ptr(rax, lay_.tuple_size), int32_t(n));
    a_.jne(slow);
    a_.lea(rdx, qword_ptr(rax, lay_.tuple_items));
    a_.jmp(copy);
    a_.bind(notTuple);
    a_.mov(rcx, uint64_t(uintptr_t(lay_.t_list)));
    a_.cmp(r11, rcx);
    a_.jne(slow);
    a_.cmp(qword_ptr(rax, lay_.list_size), int32_t(n));
    a_.jne(slow);
    a_.mov(rdx, qword_ptr(rax, lay_.list_items));
    a_.bind(copy);
    for (uint32_t i = 0; i < n; i++) {
        a_.mov(rcx, qword_ptr(rdx, int32_t(8 * i)));
        a_.mov(slotMem(first + i), rcx);
    }
    a_.bind(finish);
    a_.mov(eax, int32_t(KR_FALSE));
    a_.jmp(done);
    a_.bind(slow);
}

// out = bool(v) for v of a type within SMALLINT|BOOL|NONE|FLOAT|STR|LIST|TUPLE|DICT (checked by lowering).
void Emitter::emitTruthy(const x86::Gp &v, uint32_t types, const x86::Gp &out)
{
    Label isTrue = a_.newLabel(), isFalse = a_.newLabel(), done = a_.newLabel();
    uint32_t rest = types;
    if (rest & KR_HT_SMALLINT) {
        rest &= ~uint32_t(KR_HT_SMALLINT);
        Label notInt = a_.newLabel();
        if (rest) {
            a_.test(v.r8(), 1);
            a_.jz(notInt);
        }
        a_.cmp(v, 1); // the small int 0
        a_.je(isFalse);
        a_.jmp(isTrue);
        a_.bind(notInt);
    }
    if (rest & KR_HT_BOOL) {
        rest &= ~uint32_t(KR_HT_BOOL);
        a_.cmp(v, int32_t(KR_TRUE));
        a_.je(isTrue);
        a_.cmp(v, int32_t(KR_FALSE));
        a_.je(isFalse);
    }
    if (rest & KR_HT_NONE) {
        rest &= ~uint32_t(KR_HT_NONE);
        a_.cmp(v, int32_t(KR_NONE));
        a_.je(isFalse);
    }
    struct HeapType { uint32_t bit; const void *type; };
    const HeapType heap[] = {{KR_HT_FLOAT, lay_.t_float}, {KR_HT_STR, lay_.t_str}, {KR_HT_LIST, lay_.t_list},
                             {KR_HT_TUPLE, lay_.t_tuple}, {KR_HT_DICT, lay_.t_dict}};
    for (const HeapType &h : heap) {
        if (!(rest & h.bit))
            continue;
        rest &= ~h.bit;
        Label next = a_.newLabel();
        if (rest) { // another heap type remains possible: dispatch on the type pointer
            a_.mov(x86::r11, uint64_t(uintptr_t(h.type)));
            a_.cmp(x86::qword_ptr(v, lay_.obj_type), x86::r11);
            a_.jne(next);
        }
        if (h.bit == KR_HT_FLOAT) {
            // false exactly for +0.0 and -0.0: the bits without the sign are zero (NaN is true)
            a_.mov(x86::r11, x86::qword_ptr(v, lay_.float_value));
            a_.add(x86::r11, x86::r11);
            a_.jz(isFalse);
            a_.jmp(isTrue);
        } else {
            a_.cmp(x86::qword_ptr(v, sizeField(h.bit)), 0);
            a_.je(isFalse);
            a_.jmp(isTrue);
        }
        a_.bind(next);
    }
    // nothing left (every possible type was handled above): unreachable, but keep the flow closed
    a_.bind(isTrue);
    a_.mov(x86::r11d, uint32_t(KR_TRUE));
    a_.jmp(done);
    a_.bind(isFalse);
    a_.mov(x86::r11d, uint32_t(KR_FALSE));
    a_.bind(done);
    a_.mov(out, x86::r11);
}

// The index of LIST_GET / TUPLE_GET / LIST_SET checked against the size field: a constant index
// (in1 < 0, imm >= 0) needs one compare; a tagged one ends up untagged in r11, made non-negative by
// adding the size when negative, then one unsigned compare catches both ends (a still negative index
// is a huge unsigned number).
void Emitter::emitIndex(const kr_lir_insn &in, int pos, const x86::Mem &size, Label exit)
{
    if (in.in[1] < 0) {
        a_.cmp(size, int32_t(in.imm));
        a_.jle(exit); // size <= imm (both non-negative)
        return;
    }
    Label nonneg = a_.newLabel();
    a_.mov(x86::r11, gp(in.in[1], pos));
    a_.sar(x86::r11, 1); // SF: the untagged index is negative
    a_.jns(nonneg);
    a_.add(x86::r11, size);
    a_.bind(nonneg);
    a_.cmp(x86::r11, size);
    a_.jae(exit);
}

// out = len(v) tagged, v of a type within STR|LIST|TUPLE|DICT (checked by lowering). With several
// possible types, the object's type pointer picks the field; the last candidate needs no test.
void Emitter::emitLen(const x86::Gp &v, uint32_t types, const x86::Gp &out)
{
    struct SizedType { uint32_t bit; const void *type; };
    const SizedType sized[] = {{KR_HT_STR, lay_.t_str}, {KR_HT_LIST, lay_.t_list}, {KR_HT_TUPLE, lay_.t_tuple},
                               {KR_HT_DICT, lay_.t_dict}};
    Label done = a_.newLabel();
    uint32_t rest = types;
    for (const SizedType &t : sized) {
        if (!(rest & t.bit))
            continue;
        rest &= ~t.bit;
        if (!rest) {
            if (t.bit == KR_HT_STR)
                emitStrLen(v);
            else
                a_.mov(x86::r11, x86::qword_ptr(v, sizeField(t.bit)));
            break;
        }
        Label next = a_.newLabel();
        a_.mov(x86::r11, uint64_t(uintptr_t(t.type)));
        a_.cmp(x86::qword_ptr(v, lay_.obj_type), x86::r11);
        a_.jne(next);
        if (t.bit == KR_HT_STR)
            emitStrLen(v);
        else
            a_.mov(x86::r11, x86::qword_ptr(v, sizeField(t.bit)));
        a_.jmp(done);
        a_.bind(next);
    }
    a_.bind(done);
    a_.lea(out, x86::ptr(x86::r11, x86::r11, 0, 1)); // 2n + 1: the tagged small int
}

// r11 = the length in code points of str v, as vm/object.h's kr_str_len_of: the header's 32-bit aux
// word, unless it is KR_STR_LEN_FAR (a string of 4G code points or more), when the int64 after the
// data (at the 8-aligned offset past the NUL) holds it.
void Emitter::emitStrLen(const x86::Gp &v)
{
    Label done = a_.newLabel();
    a_.mov(x86::r11d, x86::dword_ptr(v, lay_.obj_aux));
    a_.cmp(x86::r11d, -1);
    a_.jne(done);
    a_.mov(x86::r11, x86::qword_ptr(v, lay_.str_nbytes));
    a_.lea(x86::r11, x86::ptr(v, x86::r11, 0, lay_.str_data + 1 + 7));
    a_.and_(x86::r11, -8);
    a_.mov(x86::r11, x86::qword_ptr(x86::r11));
    a_.bind(done);
}

// INT_BINOP with the constant second operand imm2 (a tagged small int w = 2c + 1): the untagging is
// done at compile time and the constant is an immediate (kr_lir_const_operand_ok checked its range).
void Emitter::emitArithConst(const kr_lir_insn &in, const x86::Gp &a, const x86::Gp &out)
{
    const int64_t w = in.imm2, c = w >> 1;
    // The result is computed in out itself unless out is a's register: an overflow exit reads the
    // frame state, which the allocator never puts in out's register (its values live through the
    // output position, compiler/lir_alloc.c), so writing out before the jo is safe; only the input
    // must survive for the exit. Saves the copy from r11 on the hot path.
    x86::Gp r11 = out.id() != a.id() ? out : x86::r11;
    switch (in.op) {
    case KR_LIR_IADD: // a + 2c = 2(x + c) + 1 overflows 64 bits iff x + c overflows 63
        if (in.nexits == 0) { // proven not to overflow (hir.h, KR_HIR_INT_RANGE_STEP)
            if (out.id() == a.id())
                a_.add(out, int32_t(w - 1));
            else
                a_.lea(out, x86::ptr(a, int32_t(w - 1)));
            return;
        }
        if (out.id() == a.id()) { // in place (REVERSIBLE, lir.h)
            a_.add(out, int32_t(w - 1));
            a_.jo(undoExit(in, out, x86::Gp(), int32_t(w - 1), true));
            return;
        }
        a_.mov(r11, a);
        a_.add(r11, int32_t(w - 1));
        a_.jo(exitLabel(in, 0));
        if (r11.id() != out.id())
            a_.mov(out, r11);
        return;
    case KR_LIR_ISUB: // a - 2c = 2(x - c) + 1, likewise
        if (in.nexits == 0) { // proven not to overflow (hir.h, KR_HIR_INT_NO_OVERFLOW)
            if (out.id() == a.id())
                a_.sub(out, int32_t(w - 1));
            else
                a_.lea(out, x86::ptr(a, int32_t(1 - w)));
            return;
        }
        if (out.id() == a.id()) {
            a_.sub(out, int32_t(w - 1));
            a_.jo(undoExit(in, out, x86::Gp(), int32_t(w - 1), false));
            return;
        }
        a_.mov(r11, a);
        a_.sub(r11, int32_t(w - 1));
        a_.jo(exitLabel(in, 0));
        if (r11.id() != out.id())
            a_.mov(out, r11);
        return;
    case KR_LIR_IMUL:
        if (in.nexits == 0) { // proven not to overflow (hir.h, KR_HIR_INT_NO_OVERFLOW)
            if (c == 2) {
                a_.lea(out, x86::ptr(a, a, 0, -1)); // 2x + 2x + 1
            } else {
                a_.lea(r11, x86::ptr(a, -1));
                a_.imul(r11, r11, int32_t(c));
                a_.lea(out, x86::ptr(r11, 1));
            }
            return;
        }
        a_.lea(r11, x86::ptr(a, -1)); // 2x
        if (c == 2) {
            a_.add(r11, a); // 2x + 2x + 1 = 2(2x) + 1: an add is cheaper than imul
            a_.jo(exitLabel(in, 0));
            if (r11.id() != out.id())
                a_.mov(out, r11);
        } else {
            a_.imul(r11, r11, int32_t(c)); // 2x * c overflows 64 bits iff x * c overflows 63
            a_.jo(exitLabel(in, 0));
            a_.lea(out, x86::ptr(r11, 1));
        }
        return;
    case KR_LIR_IAND: // (2x + 1) & (2c + 1) = 2(x & c) + 1; likewise |
    case KR_LIR_IOR:
    case KR_LIR_IXOR: // (2x + 1) ^ 2c = 2(x ^ c) + 1
        if (out.id() != a.id())
            a_.mov(out, a);
        if (in.op == KR_LIR_IAND)
            a_.and_(out, int32_t(w));
        else if (in.op == KR_LIR_IOR)
            a_.or_(out, int32_t(w));
        else
            a_.xor_(out, int32_t(w - 1));
        return;
    case KR_LIR_ISHR: { // c >= 0: (2x + 1) >> n = floor(x / 2^(n-1)) for n >= 1; | 1 makes it 2(x >> n) + 1
        int n = c > 63 ? 63 : int(c); // x has 63 bits: counts past 62 all give 0 or -1
        if (out.id() != a.id())
            a_.mov(out, a);
        if (n) {
            a_.sar(out, n);
            a_.or_(out, 1);
        }
        return;
    }
    default:
        fail("no constant-operand expansion");
    }
}

// x // d and x % d (Python's floor semantics) for the constant d = imm2 >> 1 (not 0; not -1 for //).
//   d = 2^k: x // 2^k is an arithmetic shift and x % 2^k an and, for negative x too (two's complement
//     floors); on the tagged word: (2x + 1) >> k = floor(x / 2^(k-1)), | 1 gives 2(x >> k) + 1, and
//     (2x + 1) & (2^(k+1) - 1) = 2(x & (2^k - 1)) + 1.
//   other d > 0: division by multiplication, Granlund & Montgomery, "Division by invariant integers
//     using multiplication" (PLDI 1994): §6's floor division of a signed x with sign mask m (0 or -1):
//     t = x ^ m is the non-negative x or ~x, floor(x / d) = floor(t / d) ^ m (for x < 0, ~x = -x - 1
//     and floor(x / d) = -floor((-x - 1) / d) - 1); and Theorem 4.2 for the unsigned floor(t / d):
//     with N = 62 (t < 2^62, x being a 63-bit small int), l = ceil(log2 d) and M = ceil(2^(N+l) / d),
//     M d - 2^(N+l) < d <= 2^l, so floor(t M / 2^(N+l)) = floor(t / d) for every t < 2^N, and
//     M < 2^63 + 1 fits a register (d > 2^(l-1)). The quotient is then the high word of t * M shifted
//     right by N + l - 64 = l - 2 (l >= 2 for d >= 3). The remainder: with q' = floor(t / d) and
//     rt = t - q' d, x % d = rt for x >= 0 and d - 1 - rt = (rt ^ m) + (d & m) for x < 0.
//     (LLVM's BuildSDIV / Hacker's Delight 10-1 do the truncating variant of the same.)
//   d < 0 (rare): idiv by the immediate, then the floor fixup; never a zero or overflowing divisor.
void Emitter::emitDivConst(const kr_lir_insn &in, const x86::Gp &a, const x86::Gp &out)
{
    const int64_t d = in.imm2 >> 1;
    const bool div = in.op == KR_LIR_IDIV;
    x86::Gp r11 = x86::r11, rax = x86::rax, rdx = x86::rdx;
    if (d < 0) {
        Label done = a_.newLabel();
        a_.mov(r11, d);
        a_.mov(rax, a);
        a_.sar(rax, 1);
        a_.cqo();
        a_.idiv(r11);
        a_.test(rdx, rdx); // idiv's remainder has the dividend's sign: a positive one must become <= 0
        a_.jle(done);
        a_.sub(rax, 1);
        a_.add(rdx, r11);
        a_.bind(done);
        a_.lea(out, x86::ptr(div ? rax : rdx, div ? rax : rdx, 0, 1));
        return;
    }
    if (d == 1) {
        if (!div)
            a_.mov(out.r32(), 1); // x % 1 == 0
        else if (out.id() != a.id())
            a_.mov(out, a);
        return;
    }
    if ((d & (d - 1)) == 0) {
        int k = __builtin_ctzll(uint64_t(d));
        if (out.id() != a.id())
            a_.mov(out, a);
        if (div) {
            a_.sar(out, k);
            a_.or_(out, 1);
        } else {
            int64_t mask = (int64_t(1) << (k + 1)) - 1;
            if (fitsI32(mask)) {
                a_.and_(out, int32_t(mask));
            } else {
                a_.mov(r11, mask);
                a_.and_(out, r11);
            }
        }
        return;
    }
    const int l = 64 - __builtin_clzll(uint64_t(d - 1)); // ceil(log2 d)
    const unsigned __int128 pow = (unsigned __int128)1 << (62 + l);
    const uint64_t magic = uint64_t((pow + uint64_t(d) - 1) / uint64_t(d));
    if (kr_lir_div_mulx(&in)) {
        // The same computation with BMI2's mulx, whose only fixed register is rdx (the implicit
        // multiplicand; the high half goes to rdx too, the magic number is read from memory): rax
        // stays free for the allocator (kr_lir_insn_fixed).
        a_.mov(rdx, a);
        a_.sar(rdx, 1);   // x
        a_.mov(r11, rdx);
        a_.sar(r11, 63);  // m
        a_.xor_(rdx, r11); // t
        if (!div)
            a_.mov(out, rdx); // t, kept for the remainder (out is neither rdx nor r11)
        a_.mulx(rdx, rdx, constMem(magic)); // the high half of t * M
        if (l > 2)
            a_.shr(rdx, l - 2); // q' = floor(t / d)
        if (div) {
            a_.xor_(rdx, r11);
            a_.lea(out, x86::ptr(rdx, rdx, 0, 1));
            return;
        }
        a_.imul(rdx, rdx, int32_t(d)); // kr_lir_div_mulx: d fits an imm32 for IMOD
        a_.sub(out, rdx);
        a_.xor_(out, r11);
        a_.and_(r11, int32_t(d));
        a_.add(out, r11);
        a_.lea(out, x86::ptr(out, out, 0, 1));
        return;
    }
    a_.mov(rax, a);
    a_.sar(rax, 1); // x
    a_.cqo();       // rdx = m
    a_.xor_(rax, rdx); // t
    a_.mov(r11, rdx);
    if (!div)
        a_.mov(out, rax); // t, kept for the remainder (a, the only input, is read already)
    a_.mov(rdx, magic);
    a_.mul(rdx); // rdx:rax = t * M
    if (l > 2)
        a_.shr(rdx, l - 2); // q' = floor(t / d)
    if (div) {
        a_.xor_(rdx, r11); // floor(x / d)
        a_.lea(out, x86::ptr(rdx, rdx, 0, 1));
        return;
    }
    if (fitsI32(d)) {
        a_.imul(rdx, rdx, int32_t(d));
    } else {
        a_.mov(rax, d);
        a_.imul(rdx, rax);
    }
    a_.sub(out, rdx); // rt
    a_.xor_(out, r11);
    if (fitsI32(d)) {
        a_.and_(r11, int32_t(d));
    } else {
        a_.and_(r11, rax);
    }
    a_.add(out, r11); // x % d
    a_.lea(out, x86::ptr(out, out, 0, 1));
}

void Emitter::emitEpilogue()
{
    a_.add(x86::rsp, frameSize_);
    for (size_t i = saved_.size(); i-- > 0;)
        a_.pop(x86::gpq(uint32_t(saved_[i])));
    a_.ret();
}

void Emitter::emitInsn(uint32_t k, uint32_t b, const std::vector<std::vector<int>> &atPos,
                       const std::vector<std::vector<int>> &predEnd)
{
    const kr_lir_insn &in = lf_->insns[k];
    const kr_lir_block &bl = lf_->blocks[b];
    int u = int(2 * k), d = u + 1;
    for (int g : atPos[k])
        moveGroup(kr_ra_get_move_group(ra_, g));
    if (k == bl.first + bl.count - 1)
        for (int g : predEnd[b])
            moveGroup(kr_ra_get_move_group(ra_, g));
    auto I = [&](int i) { return gp(in.in[i], u); };
    auto O = [&]() { return gp(in.out, d); };
    auto XI = [&](int i) { return xmm(in.in[i], u); };
    auto XO = [&]() { return xmm(in.out, d); };
    x86::Gp r11 = x86::r11, rax = x86::rax, rcx = x86::rcx, rdx = x86::rdx;
    if (foldsIntoAdd(k, b, atPos)) { // the IADD after it computes it in its lea (see there)
        foldedMul_ = int64_t(k);
        return;
    }
    if (kr_lir_has_const_operand(&in) && in.op != KR_LIR_ICMP && in.op != KR_LIR_IS && in.op != KR_LIR_BRANCH) {
        if (in.op == KR_LIR_IDIV || in.op == KR_LIR_IMOD)
            emitDivConst(in, I(0), O());
        else
            emitArithConst(in, I(0), O());
        return;
    }
    switch (in.op) {
    case KR_LIR_MOVI:
        movImm(O(), in.imm);
        break;
    case KR_LIR_FMOVI:
        if (in.imm == 0) {
            a_.xorps(XO(), XO());
        } else {
            a_.mov(r11, in.imm);
            a_.movq(XO(), r11);
        }
        break;
    case KR_LIR_LOAD:
        a_.mov(O(), slotMem(in.imm));
        break;
    case KR_LIR_STORE:
        if (in.in[0] >= 0) {
            a_.mov(slotMem(in.imm), I(0));
        } else if (fitsI32(in.imm2)) {
            a_.mov(slotMem(in.imm), int32_t(in.imm2));
        } else {
            a_.mov(r11, in.imm2);
            a_.mov(slotMem(in.imm), r11);
        }
        break;
    case KR_LIR_IADD: { // a + (b - 1): b - 1 cannot overflow (b is odd), the add overflows iff x + y does
        // into the output directly when it is neither input (see emitArithConst). The right operand is
        // the one decremented: in `acc += x` or `acc = acc + x` the left one is what a loop carries,
        // whose chain is then one add long (b - 1 is computed beside it).
        if (foldedMul_ >= 0 && uint64_t(foldedMul_) + 1 == k) {
            // b = x * 2 (tagged: 2a - 1, a = the multiply's input) was not computed: b - 1 = 2a - 2 in
            // one lea. Its register is written only on the exit path, where the frame state reads it.
            const kr_lir_insn &mul = lf_->insns[k - 1];
            x86::Gp a = gp(mul.in[0], u);
            a_.lea(r11, x86::ptr(a, a, 0, -2));
            a_.add(O(), r11);
            Undo un{a_.newLabel(), exitLabel(in, 0), O(), r11, 0, true, x86::Gp(), x86::Gp()};
            kr_ra_loc l = kr_ra_location_at(ra_, in.in[1], d);
            if (l.kind == KR_RA_REG) { // else no frame state reads it (foldsIntoAdd)
                un.remat = x86::gpq(uint32_t(l.index));
                un.rematBase = a;
            }
            undos_.push_back(un);
            a_.jo(un.entry);
            foldedMul_ = -1;
            break;
        }
        if (O().id() == I(0).id()) { // in place (REVERSIBLE, lir.h): r11 keeps b - 1 for the undo
            a_.lea(r11, x86::ptr(I(1), -1));
            a_.add(O(), r11);
            a_.jo(undoExit(in, O(), r11, 0, true));
            break;
        }
        x86::Gp t = O().id() != I(0).id() && O().id() != I(1).id() ? O() : r11;
        a_.lea(t, x86::ptr(I(1), -1));
        a_.add(t, I(0));
        a_.jo(exitLabel(in, 0));
        if (t.id() != O().id())
            a_.mov(O(), t);
        break;
    }
    case KR_LIR_ISUB: { // (a - b) = 2(x - y) overflows iff x - y does; + 1 cannot
        x86::Gp t = O().id() != I(0).id() && O().id() != I(1).id() ? O() : r11;
        a_.mov(t, I(0));
        a_.sub(t, I(1));
        a_.jo(exitLabel(in, 0));
        a_.or_(t, 1);
        if (t.id() != O().id())
            a_.mov(O(), t);
        break;
    }
    case KR_LIR_IMUL: // 2x * y overflows 64 bits iff x * y overflows 63
        a_.mov(rax, I(1));
        a_.sar(rax, 1);
        a_.lea(r11, x86::ptr(I(0), -1));
        a_.imul(r11, rax);
        a_.jo(exitLabel(in, 0));
        a_.or_(r11, 1);
        a_.mov(O(), r11);
        break;
    case KR_LIR_IDIV:
    case KR_LIR_IMOD: {
        // untagged 63-bit operands never fault idiv (|x| < 2^62 < 2^63); Python floors: when the
        // remainder is non-zero and its sign differs from the divisor's, q -= 1 and r += y
        Label done = a_.newLabel(), adjust = a_.newLabel();
        a_.cmp(I(1), 1);
        a_.je(exitLabel(in, 0));
        a_.mov(r11, I(1));
        a_.sar(r11, 1);
        a_.mov(rax, I(0));
        a_.sar(rax, 1);
        a_.cqo();
        a_.idiv(r11);
        a_.test(rdx, rdx);
        a_.jz(done);
        a_.xor_(rdx, r11);
        a_.js(adjust);
        a_.xor_(rdx, r11);
        a_.jmp(done);
        a_.bind(adjust);
        a_.xor_(rdx, r11);
        a_.sub(rax, 1);
        a_.add(rdx, r11);
        a_.bind(done);
        if (in.op == KR_LIR_IDIV) { // only -2^62 // -1 = 2^62 does not fit: the retag overflows
            a_.add(rax, rax);
            a_.jo(exitLabel(in, 1));
            a_.or_(rax, 1);
            a_.mov(O(), rax);
        } else {
            a_.lea(O(), x86::ptr(rdx, rdx, 0, 1));
        }
        break;
    }
    case KR_LIR_IAND:
    case KR_LIR_IOR:
    case KR_LIR_IXOR: {
        // no exit: the result may go straight into out (commutative, so out may be either input)
        x86::Gp o = O(), x = I(0), y = I(1);
        if (o.id() == y.id())
            std::swap(x, y);
        if (o.id() != x.id())
            a_.mov(o, x);
        if (in.op == KR_LIR_IAND)
            a_.and_(o, y);
        else if (in.op == KR_LIR_IOR)
            a_.or_(o, y);
        else {
            a_.xor_(o, y);
            a_.or_(o, 1); // the two tag bits cancelled
        }
        break;
    }
    case KR_LIR_ISHL:
        // counts outside [0, 64) leave (negative: ValueError; huge: the interpreter makes a big int)
        a_.mov(rcx, I(1));
        a_.sar(rcx, 1);
        a_.cmp(rcx, 64);
        a_.jae(exitLabel(in, 0));
        a_.mov(rax, I(0));
        a_.xor_(rax, 1); // 2x
        a_.mov(r11, rax);
        a_.shl(r11, x86::cl);
        a_.sar(r11, x86::cl);
        a_.cmp(r11, rax); // bits lost: the result needs more than 63 bits
        a_.jne(exitLabel(in, 1));
        a_.shl(rax, x86::cl);
        a_.or_(rax, 1);
        a_.mov(O(), rax);
        break;
    case KR_LIR_ISHR:
        a_.mov(rcx, I(1));
        a_.sar(rcx, 1);
        a_.test(rcx, rcx);
        a_.js(exitLabel(in, 0));
        a_.mov(x86::r11d, 63); // counts >= 63 give 0 or -1, as a shift by 63 does
        a_.cmp(rcx, r11);
        a_.cmova(rcx, r11);
        a_.mov(r11, I(0));
        a_.sar(r11, 1);
        a_.sar(r11, x86::cl);
        a_.lea(r11, x86::ptr(r11, r11, 0, 1));
        a_.mov(O(), r11);
        break;
    case KR_LIR_INEG: // 2 - a = -2x + 1 overflows iff -x does
        a_.mov(x86::r11d, 2);
        a_.sub(r11, I(0));
        a_.jo(exitLabel(in, 0));
        a_.mov(O(), r11);
        break;
    case KR_LIR_IWRAP:
        if (in.imm3 != 0 && latchStrips(b, atPos, predEnd) &&
            wrapAligned(lf_->insns[lf_->blocks[resolved_[bl.succs[0]]].first])) {
            // a remainder the strip test corrects (hir_lower.c wrap_aligned_strips): a plain step
            if (O().id() != I(0).id())
                a_.mov(O(), I(0));
            a_.add(O(), int32_t(in.imm3));
            break;
        }
        // 2y + 1 < 0 iff y < 0: the add's sign flag says whether to take the corrected sum instead.
        // The corrected sum comes from the input (lea, in parallel with the add), not from the add's
        // result: the phi this steps around a loop then carries two instructions of latency per
        // iteration (add, cmov), not three. The lea's displacement fits: for INT_MOD_STEP,
        // imm + imm2 = 2(s - C) + 2C = 2s with |s| < C <= 2**29 (hir_opt.c IV_MOD_MAX).
        a_.lea(r11, x86::ptr(I(0), int32_t(in.imm + in.imm2)));
        if (O().id() != I(0).id())
            a_.mov(O(), I(0));
        a_.add(O(), int32_t(in.imm));
        a_.cmovs(O(), r11);
        break;
    case KR_LIR_RANGE_PREV:
        // r11 first: the output may share a register with any input (all read before it is written)
        a_.lea(r11, x86::ptr(I(0), int32_t(in.imm)));
        a_.cmp(I(0), I(1));
        a_.cmove(r11, I(2));
        a_.mov(O(), r11);
        break;
    case KR_LIR_INOT: // ~x tagged = ~a with bit 0 set again = a ^ ~1
        if (O().id() != I(0).id())
            a_.mov(O(), I(0));
        a_.xor_(O(), -2);
        break;
    case KR_LIR_ICMP:
    case KR_LIR_FCMP:
    case KR_LIR_RANGE:
    case KR_LIR_IS: {
        Label done = a_.newLabel();
        a_.mov(x86::r11d, uint32_t(KR_TRUE)); // mov leaves the flags alone
        condJump(in, u, done, false);
        a_.mov(x86::r11d, uint32_t(KR_FALSE));
        a_.bind(done);
        a_.mov(O(), r11);
        break;
    }
    case KR_LIR_NOT:
        if (O().id() != I(0).id())
            a_.mov(O(), I(0));
        a_.xor_(O(), int32_t(KR_TRUE ^ KR_FALSE));
        break;
    case KR_LIR_TRUTHY:
        emitTruthy(I(0), uint32_t(in.imm), O());
        break;
    case KR_LIR_TRUTHY_CALL: {
        // __bool__ may run Python: the frame shows the instruction being run (tracebacks)
        const kr_hir_fs &fs = lf_->hir->fss[in.fs];
        a_.mov(r11, uint64_t(uintptr_t(lf_->hir->code->insns + fs.pc)));
        a_.mov(x86::qword_ptr(x86::r13, lay_.frame_pc), r11);
        a_.mov(x86::rsi, I(0)); // before rdi: the value may be in rdi
        a_.mov(x86::rdi, x86::r12);
        a_.mov(rax, uint64_t(uintptr_t(lay_.rt_truthy)));
        a_.call(rax);
        a_.test(x86::eax, x86::eax);
        a_.js(exitLabel(in, 0));
        a_.shl(x86::eax, 3); // 0/1 -> KR_FALSE/KR_TRUE (they are 8 apart)
        a_.add(x86::eax, int32_t(KR_FALSE));
        break;
    }
    case KR_LIR_GUARD_TYPE:
        emitGuardType(I(0), uint32_t(in.imm), exitLabel(in, 0));
        break;
    case KR_LIR_GUARD_IS:
        if (fitsI32(in.imm)) {
            a_.cmp(I(0), int32_t(in.imm));
        } else {
            a_.mov(r11, in.imm);
            a_.cmp(I(0), r11);
        }
        a_.jne(exitLabel(in, 0));
        break;
    case KR_LIR_GUARD_RANGE: // signed compares of tagged words order as the ints do
        for (int side = 0; side < 2; side++) {
            int64_t w = side ? in.imm2 : in.imm;
            if (w == (side ? INT64_MAX : INT64_MIN))
                continue;
            if (fitsI32(w)) {
                a_.cmp(I(0), int32_t(w));
            } else {
                a_.mov(r11, w);
                a_.cmp(I(0), r11);
            }
            if (side)
                a_.jg(exitLabel(in, 0));
            else
                a_.jl(exitLabel(in, 0));
        }
        break;
    case KR_LIR_GUARD_DEPTH: // as frame_alloc checks a call's depth (r11: the scratch register)
        a_.mov(r11.r32(), x86::dword_ptr(x86::r12, lay_.vm_depth));
        a_.cmp(r11.r32(), x86::dword_ptr(x86::r12, lay_.vm_recursion_limit));
        a_.jge(exitLabel(in, 0));
        break;
    case KR_LIR_GUARD_BOUND:
        a_.cmp(I(0), int32_t(KR_UNBOUND));
        a_.je(exitLabel(in, 0));
        break;
    case KR_LIR_GUARD_DICT: {
        // the keys version first: it changes whenever a slot pointer taken under it may dangle
        x86::Gp d = I(0);
        x86::Mem version = x86::qword_ptr(d, lay_.dict_keys_version);
        if (fitsI32(in.imm)) {
            a_.cmp(version, int32_t(in.imm));
        } else {
            a_.mov(r11, in.imm);
            a_.cmp(version, r11);
        }
        a_.jne(exitLabel(in, 0));
        if (in.imm2 == 1 || in.imm2 == 2) {
            a_.cmp(x86::qword_ptr(x86::r13, in.imm2 == 1 ? lay_.frame_globals : lay_.frame_builtins), d);
            a_.jne(exitLabel(in, 0));
        }
        break;
    }
    case KR_LIR_LOADA:
        a_.mov(O(), in.imm);
        a_.mov(O(), x86::qword_ptr(O()));
        break;
    case KR_LIR_GUARD_SHAPE: {
        x86::Gp v = I(0);
        Label exit = exitLabel(in, 0);
        if (in.kind) { // a heap pointer: low bits 000 (no small int, no immediate) and not KR_NULL
            a_.test(v.r8(), 7);
            a_.jnz(exit);
            a_.test(v, v);
            a_.jz(exit);
        }
        a_.mov(r11, in.imm);
        a_.cmp(x86::qword_ptr(v, lay_.obj_type), r11);
        a_.jne(exit);
        // the type is a constant, so its version is a load from a fixed address
        a_.mov(r11, in.imm + lay_.type_version);
        a_.cmp(x86::dword_ptr(r11), int32_t(uint32_t(in.imm2)));
        a_.jne(exit);
        if (in.imm3) {
            a_.mov(r11, in.imm3);
            a_.cmp(x86::qword_ptr(v, lay_.inst_shape), r11);
            a_.jne(exit);
        }
        break;
    }
    case KR_LIR_LOAD_ISLOT:
        a_.mov(O(), x86::qword_ptr(I(0), lay_.inst_slots));
        a_.mov(O(), x86::qword_ptr(O(), int32_t(8 * in.imm)));
        break;
    case KR_LIR_STORE_ISLOT:
        a_.mov(r11, x86::qword_ptr(I(0), lay_.inst_slots));
        a_.mov(x86::qword_ptr(r11, int32_t(8 * in.imm)), I(1));
        break;
    case KR_LIR_LOAD_CELL:
        // through r11: the output is written after the exit check (lir.h), and may share in0's register
        a_.mov(r11, x86::qword_ptr(I(0), lay_.cell_contents));
        a_.cmp(r11, int32_t(KR_UNBOUND));
        a_.je(exitLabel(in, 0));
        a_.mov(O(), r11);
        break;
    case KR_LIR_STORE_CELL:
        a_.mov(x86::qword_ptr(I(0), lay_.cell_contents), I(1));
        break;
    case KR_LIR_LOAD_FIELD:
        // through r11, as LOAD_CELL: the output is written after the exit check and may share in0's register
        a_.mov(r11, x86::qword_ptr(I(0), int32_t(in.imm)));
        a_.test(r11, r11);
        a_.jz(exitLabel(in, 0));
        a_.mov(O(), r11);
        break;
    case KR_LIR_STORE_FIELD:
        a_.mov(x86::qword_ptr(I(0), int32_t(in.imm)), I(1));
        break;
    case KR_LIR_LIST_GET:
        emitIndex(in, u, x86::qword_ptr(I(0), lay_.list_size), exitLabel(in, 0));
        a_.mov(O(), x86::qword_ptr(I(0), lay_.list_items)); // the list may die here: out can be its register
        if (in.in[1] < 0)
            a_.mov(O(), x86::qword_ptr(O(), int32_t(8 * in.imm)));
        else
            a_.mov(O(), x86::qword_ptr(O(), r11, 3));
        break;
    case KR_LIR_TUPLE_GET:
        emitIndex(in, u, x86::qword_ptr(I(0), lay_.tuple_size), exitLabel(in, 0));
        if (in.in[1] < 0)
            a_.mov(O(), x86::qword_ptr(I(0), int32_t(lay_.tuple_items + 8 * in.imm)));
        else
            a_.mov(O(), x86::qword_ptr(I(0), r11, 3, lay_.tuple_items));
        break;
    case KR_LIR_LIST_SET:
        emitIndex(in, u, x86::qword_ptr(I(0), lay_.list_size), exitLabel(in, 0));
        if (in.in[1] < 0) {
            a_.mov(r11, x86::qword_ptr(I(0), lay_.list_items));
            a_.mov(x86::qword_ptr(r11, int32_t(8 * in.imm)), I(2));
        } else { // r11 holds the index: turn it into the item's address
            a_.shl(r11, 3);
            a_.add(r11, x86::qword_ptr(I(0), lay_.list_items));
            a_.mov(x86::qword_ptr(r11), I(2));
        }
        break;
    case KR_LIR_LEN:
        emitLen(I(0), uint32_t(in.imm), O());
        break;
    case KR_LIR_UNBOX:
        a_.movsd(XO(), x86::qword_ptr(I(0), lay_.float_value));
        break;
    case KR_LIR_I2D:
        a_.mov(r11, I(0));
        a_.sar(r11, 1);
        a_.xorps(XO(), XO()); // no dependency on the register's old contents
        a_.cvtsi2sd(XO(), r11);
        break;
    case KR_LIR_FADD:
    case KR_LIR_FSUB:
    case KR_LIR_FMUL:
    case KR_LIR_FDIV: {
        x86::Xmm t = x86::xmm15;
        if (in.op == KR_LIR_FDIV) { // x / 0.0 raises ZeroDivisionError: the interpreter does that
            Label nonzero = a_.newLabel();
            a_.xorps(t, t);
            a_.ucomisd(XI(1), t);
            a_.jp(nonzero);
            a_.je(exitLabel(in, 0));
            a_.bind(nonzero);
        }
        a_.movaps(t, XI(0));
        if (in.op == KR_LIR_FADD)
            a_.addsd(t, XI(1));
        else if (in.op == KR_LIR_FSUB)
            a_.subsd(t, XI(1));
        else if (in.op == KR_LIR_FMUL)
            a_.mulsd(t, XI(1));
        else
            a_.divsd(t, XI(1));
        a_.movaps(XO(), t);
        break;
    }
    case KR_LIR_FNEG:
        a_.movq(r11, XI(0));
        a_.btc(r11, 63);
        a_.movq(XO(), r11);
        break;
    case KR_LIR_BOX_CALL: {
        // inline: a float from the collector's pool; else the call
        Label slow = a_.newLabel(), boxed = a_.newLabel();
        emitPoolAlloc(lay_.float_class, lay_.t_float, slow);
        a_.movsd(x86::qword_ptr(x86::r11, lay_.float_value), XI(0));
        a_.mov(rax, x86::r11);
        a_.jmp(boxed);
        a_.bind(slow);
        if (XI(0).id() != 0)
            a_.movaps(x86::xmm0, XI(0));
        a_.mov(x86::rdi, x86::r12);
        a_.mov(rax, uint64_t(uintptr_t(lay_.rt_box_float)));
        a_.call(rax);
        a_.test(rax, rax);
        a_.jz(exitLabel(in, 0));
        a_.bind(boxed);
        break;
    }
    case KR_LIR_STEP_CALL: {
        // calls have a faster stepping entry (kr_interp_step_call)
        unsigned op = KR_INSN_OP(*reinterpret_cast<const kr_insn *>(uintptr_t(in.imm)));
        bool is_call = op == KR_OP_CALL || op == KR_OP_CALL_METHOD;
        Label done = a_.newLabel(), check = a_.newLabel();
        if (in.imm3 > 0 && uint64_t(in.imm3) <= lf_->ncalls && lf_->calls[in.imm3 - 1].cfn)
            emitDirectCMethod(in, lf_->calls[in.imm3 - 1], done, check);
        else
            for (uint64_t k = in.imm3 > 0 ? uint64_t(in.imm3) : 0; k > 0 && k <= lf_->ncalls; k = lf_->calls[k - 1].next)
                emitDirectCall(in, lf_->calls[k - 1], done, check); // each falls through to the next
        a_.mov(x86::rdi, x86::r12);
        a_.mov(x86::rsi, x86::r13);
        a_.mov(x86::rdx, uint64_t(in.imm));
        a_.mov(rax, uint64_t(uintptr_t(is_call ? lay_.interp_step_call : lay_.interp_step)));
        a_.call(rax);
        a_.bind(check);
        a_.test(rax, rax);
        a_.jz(exitLabel(in, 0));
        a_.bind(done);
        break;
    }
    case KR_LIR_CALL_RT:
        emitCallRt(in, u);
        break;
    case KR_LIR_GETRET:
        if (O().id() != 0)
            a_.mov(O(), rax);
        break;
    case KR_LIR_FPOW_CALL: {
        // the arguments into xmm0 and xmm1 through xmm15 (either may be in the other's register)
        a_.movaps(x86::xmm15, XI(1));
        if (XI(0).id() != 0)
            a_.movaps(x86::xmm0, XI(0));
        a_.movaps(x86::xmm1, x86::xmm15);
        a_.mov(rax, uint64_t(uintptr_t(lay_.rt_float_pow)));
        a_.call(rax);
        a_.test(x86::rdx, x86::rdx); // kr_jit_rt_pow_result.failed: the interpreter raises
        a_.jnz(exitLabel(in, 0));
        break;
    }
    case KR_LIR_FGETRET:
        a_.movq(XO(), rax);
        break;
    case KR_LIR_POLL: {
        // A strip-mined loop's latch (imm 1): its back-edge polls once per strip instead, when it
        // takes the header's test itself (emitStripTest); otherwise it polls here as any loop.
        if (in.imm == 1 && latchStrips(b, atPos, predEnd))
            break;
        // One compare and branch: krait_interrupt (vm/api.c) also zeroes the GC threshold, so
        // `allocated >= threshold` covers both an interrupt and GC debt; the slow path
        // (kr_jit_rt_poll) checks the interrupt first, then the GC safepoint.
        PollSlow p{a_.newLabel(), a_.newLabel(), in.exit};
        a_.mov(r11, x86::qword_ptr(x86::r12, lay_.vm_gc_allocated));
        a_.cmp(r11, x86::qword_ptr(x86::r12, lay_.vm_gc_threshold));
        a_.jae(p.slow);
        a_.bind(p.back);
        if (in.exit < 0)
            fail("POLL without an exit");
        polls_.push_back(p);
        break;
    }
    case KR_LIR_BARRIER: {
        // One test and branch: KR_GC_WATCH is set only on old objects not yet remembered (gc/gc.h).
        BarrierSlow bs{a_.newLabel(), a_.newLabel(), I(0), I(1)};
        a_.test(x86::byte_ptr(bs.container, lay_.obj_gc_flags), int32_t(lay_.gc_watch));
        a_.jnz(bs.slow);
        a_.bind(bs.back);
        barriers_.push_back(bs);
        break;
    }
    case KR_LIR_ENTRY: {
        for (uint32_t i = 0; i < lf_->nentries && i < bl.nsuccs; i++) {
            a_.cmp(x86::dword_ptr(x86::rsp, entryOff_), int32_t(lf_->entry_pcs[i]));
            a_.je(blocks_[bl.succs[i]]);
        }
        // an entry pc without an entry: resume there in the interpreter (nothing is dirty yet)
        a_.mov(x86::eax, x86::dword_ptr(x86::rsp, entryOff_));
        a_.imul(rax, rax, int32_t(lay_.insn_size));
        a_.mov(r11, uint64_t(uintptr_t(lf_->hir->code->insns)));
        a_.add(rax, r11);
        a_.mov(x86::qword_ptr(x86::r13, lay_.frame_pc), rax);
        a_.xor_(x86::eax, x86::eax);
        a_.jmp(epilogue_);
        break;
    }
    case KR_LIR_JUMP:
        if (!jumpRotated(bl.succs[0], b, atPos, predEnd))
            jumpTo(bl.succs[0], b);
        break;
    case KR_LIR_BRANCH:
        if (fallsTo(bl.succs[0], b)) {
            condJump(in, u, blocks_[bl.succs[1]], true);
        } else {
            condJump(in, u, blocks_[bl.succs[0]], false);
            jumpTo(bl.succs[1], b);
        }
        break;
    case KR_LIR_BRANCH_PC:
        a_.mov(r11, in.imm);
        a_.cmp(I(0), r11);
        if (fallsTo(bl.succs[0], b)) {
            a_.jne(blocks_[bl.succs[1]]);
        } else {
            a_.je(blocks_[bl.succs[0]]);
            jumpTo(bl.succs[1], b);
        }
        break;
    case KR_LIR_RETURN:
        if (I(0).id() != 0)
            a_.mov(rax, I(0));
        if (in.imm > 0) { // a generator's yield: the resume point, and the flag its caller reads
            a_.mov(r11, uint64_t(in.imm2));
            a_.mov(x86::qword_ptr(x86::r13, lay_.frame_pc), r11);
            a_.mov(x86::dword_ptr(x86::r12, lay_.vm_jit_yielded), 1);
        }
        emitEpilogue();
        break;
    case KR_LIR_DEOPT:
        a_.jmp(exitLabel(in, 0));
        break;
    default:
        fail(std::string("no expansion for ") + kr_lir_op_names[in.op]);
    }
}

// A back-edge to a loop header that is nothing but a conditional branch (a `for` over a range, a
// `while` on a compare) takes that branch itself: the loop's test at its bottom, one jump less per
// iteration. Correct because the header does nothing else: the phis' moves are made at the end of
// this block (a header has several predecessors, so none are at its start), the branch reads the
// phis' locations, which hold the same values here after those moves, changes no register, and its
// successors' own moves are at their starts (or in edge-split blocks), reached from here alike.
bool Emitter::rotates(uint32_t block, uint32_t cur, const std::vector<std::vector<int>> &atPos,
                      const std::vector<std::vector<int>> &predEnd) const
{
    const uint32_t h = resolved_[block];
    const kr_lir_block &hb = lf_->blocks[h];
    if (h > cur || fallsTo(block, cur) || hb.loop_depth == 0 || hb.count != 1 || hb.nsuccs != 2 ||
        startMoves_[h] || !predEnd[h].empty() || !atPos[hb.first].empty())
        return false;
    const kr_lir_insn &br = lf_->insns[hb.first];
    return br.op == KR_LIR_BRANCH && (br.nexits == 0 || stripMined(br));
}

bool Emitter::jumpRotated(uint32_t block, uint32_t cur, const std::vector<std::vector<int>> &atPos,
                          const std::vector<std::vector<int>> &predEnd)
{
    if (!rotates(block, cur, atPos, predEnd))
        return false;
    const uint32_t h = resolved_[block];
    const kr_lir_block &hb = lf_->blocks[h];
    const kr_lir_insn &br = lf_->insns[hb.first];
    if (stripMined(br)) {
        emitStripTest(br, int(2 * hb.first), blocks_[hb.succs[0]], blocks_[hb.succs[1]]);
        return true;
    }
    condJump(br, int(2 * hb.first), blocks_[hb.succs[0]], false);
    jumpTo(hb.succs[1], cur);
    return true;
}

// Tagged-arithmetic folding: `acc + x * 2` where the unchecked x * 2 (tagged 2a - 1) feeds only an
// in-place IADD right after it costs lea (2a - 1), lea (b - 1), add; folded it is lea r11, [a + a - 2]
// and the add. Only when nothing else can read the product: no other instruction's input, phi input
// or frame state (the IADD's own overflow exit may read it: its undo path rebuilds it, lea from a, into
// the register the allocator gave it there, which no live value holds), no moves between the two, and
// a still in the same register at the IADD, distinct from the IADD's output and r11.
bool Emitter::foldsIntoAdd(uint32_t k, uint32_t block, const std::vector<std::vector<int>> &atPos) const
{
    const kr_lir_block &bl = lf_->blocks[block];
    const kr_lir_insn &in = lf_->insns[k];
    if (in.op != KR_LIR_IMUL || in.nexits != 0 || !kr_lir_has_const_operand(&in) || (in.imm2 >> 1) != 2 ||
        in.out < 0 || in.in[0] < 0 || k + 1 >= bl.first + bl.count || !atPos[k + 1].empty())
        return false;
    const kr_lir_insn &nx = lf_->insns[k + 1];
    if (nx.op != KR_LIR_IADD || kr_lir_has_const_operand(&nx) || nx.nexits != 1 || nx.nin != 2 ||
        nx.in[1] != in.out || nx.in[0] == in.out || nx.out < 0)
        return false;
    const int u = int(2 * k), un = int(2 * (k + 1)), dn = un + 1;
    kr_ra_loc a0 = kr_ra_location_at(ra_, in.in[0], u), a1 = kr_ra_location_at(ra_, in.in[0], un);
    kr_ra_loc acc = kr_ra_location_at(ra_, nx.in[0], un), out = kr_ra_location_at(ra_, nx.out, dn);
    if (a0.kind != KR_RA_REG || a1.kind != KR_RA_REG || a0.index != a1.index || isXmm(a0.index) ||
        acc.kind != KR_RA_REG || out.kind != KR_RA_REG || acc.index != out.index || out.index == a0.index ||
        out.index == 11 || a0.index == 11)
        return false;
    bool fsReads = false;
    for (uint32_t j = 0; j < lf_->ninsns; j++) {
        const kr_lir_insn &o = lf_->insns[j];
        if (j != k + 1)
            for (int i = 0; i < o.nin && i < KR_LIR_MAX_IN; i++)
                if (o.in[i] == in.out)
                    return false;
        if (o.fs >= 0) {
            const kr_hir_fs &fs = lf_->hir->fss[o.fs];
            for (uint32_t e = 0; e < fs.ndirty; e++) {
                int64_t bits;
                if (kr_lir_value_of(lf_, fs.dirty[e].value, &bits) == in.out) {
                    if (j != k + 1)
                        return false;
                    fsReads = true;
                }
            }
        }
    }
    for (uint32_t b = 0; b < lf_->nblocks; b++)
        for (uint32_t p = 0; p < lf_->blocks[b].nphis; p++)
            for (uint32_t q = 0; q < lf_->blocks[b].npreds; q++)
                if (lf_->blocks[b].phis[p].inputs[q].vreg == in.out)
                    return false;
    if (fsReads) { // the exit rebuilds it in its register there: one no live value holds
        kr_ra_loc m = kr_ra_location_at(ra_, in.out, dn), mu = kr_ra_location_at(ra_, in.out, un);
        if (m.kind != KR_RA_REG || isXmm(m.index) || m.index == 11 || m.index == out.index ||
            m.index == a0.index || mu.kind != KR_RA_REG || mu.index != m.index)
            return false;
    }
    return true;
}

// The back-edge of a strip-mined counted loop (compiler/hir_lower.c, strip_mine_loops), after the
// phis' moves, so every value is where the header has it: within the strip, straight back into the
// body; at its end (once per strip) the poll the latch left out, with the header's frame state (the
// branch's exit 0), then the loop's real test, then the next strip's limit: cur + imm3 (tagged
// units; cur - imm3 going down) unless the stop is nearer. The distance to the stop is taken as an
// unsigned difference, exact for any two words with cur before the stop, so nothing overflows.
void Emitter::emitStripTest(const kr_lir_insn &br, int pos, Label body, Label exit)
{
    const bool up = br.imm > 0;
    x86::Gp cur = gp(br.in[0], pos), stop = gp(br.in[1], pos), lim = gp(br.in[2], pos), r11 = x86::r11;
    a_.cmp(cur, lim);
    a_.j(up ? x86::CondCode::kL : x86::CondCode::kG, body);
    const bool aligned = wrapAligned(br);
    if (aligned)
        emitWrapFix(br, pos);
    PollSlow p{a_.newLabel(), a_.newLabel(), br.exit};
    a_.mov(r11, x86::qword_ptr(x86::r12, lay_.vm_gc_allocated));
    a_.cmp(r11, x86::qword_ptr(x86::r12, lay_.vm_gc_threshold));
    a_.jae(p.slow);
    a_.bind(p.back);
    polls_.push_back(p);
    a_.cmp(cur, stop);
    a_.j(up ? x86::CondCode::kGE : x86::CondCode::kLE, exit);
    if (aligned) {
        // lim = cur +- min(distance to the stop, imm3, 2 * the iterations before the remainder wraps)
        // (unsigned distances, each > 0; the counter steps by 1 here, 2 tagged units)
        const kr_lir_insn &w = *wrapOf(br);
        x86::Gp r = gp(w.in[0], pos);
        Label small = a_.newLabel();
        a_.mov(r11, up ? stop : cur);
        a_.sub(r11, up ? cur : stop);
        a_.cmp(r11, int32_t(br.imm3));
        a_.jbe(small);
        a_.mov(r11, int32_t(br.imm3));
        a_.bind(small);
        if (br.imm2 > 0) { // C - r iterations: (2C + 1) - the tagged r
            a_.mov(lim, int32_t(w.imm2 + 1));
            a_.sub(lim, r);
        } else {           // r + 1 iterations: the tagged r + 1
            a_.lea(lim, x86::ptr(r, 1));
        }
        a_.cmp(lim, r11);
        a_.cmova(lim, r11);
        if (!up)
            a_.neg(lim);
        a_.add(lim, cur);
        a_.jmp(body);
        return;
    }
    Label nearStop = a_.newLabel();
    a_.mov(r11, up ? stop : cur);
    a_.sub(r11, up ? cur : stop);
    a_.cmp(r11, int32_t(br.imm3));
    a_.jbe(nearStop);
    a_.lea(lim, x86::ptr(cur, int32_t(up ? br.imm3 : -br.imm3)));
    a_.jmp(body);
    a_.bind(nearStop);
    a_.mov(lim, stop);
    a_.jmp(body);
}

// Where a strip ends, the remainder a strip-aligned IWRAP left uncorrected (hir_lower.c
// wrap_aligned_strips) is at most one step out of [0, C): C going up (tagged 2C + 1), -1 going down
// (tagged -1); it becomes 0 (tagged 1), or C - 1 (tagged 2C - 1). Before the poll and the loop's exit,
// so no exit and nothing after the loop sees it out of range.
void Emitter::emitWrapFix(const kr_lir_insn &br, int pos)
{
    const kr_lir_insn &w = *wrapOf(br);
    x86::Gp r = gp(w.in[0], pos);
    const int64_t twoC = w.imm2;
    Label done = a_.newLabel();
    a_.cmp(r, int32_t(br.imm2 > 0 ? twoC + 1 : -1));
    a_.jne(done);
    a_.mov(r, int32_t(br.imm2 > 0 ? 1 : twoC - 1));
    a_.bind(done);
}

void Emitter::run()
{
    // frame: pinned registers, then the callee-saved ones the allocator used
    saved_ = {12, 13, 14};
    uint64_t used = kr_ra_used_regs(ra_);
    for (int r : {3, 5, 15})
        if (used & (1ull << r))
            saved_.push_back(r);
    int nspill = kr_ra_num_slots(ra_);
    entryOff_ = 8 * nspill;
    frameSize_ = 8 * nspill + 8;
    if ((8 + 8 * int(saved_.size()) + frameSize_) % 16)
        frameSize_ += 8;

    blocks_.resize(lf_->nblocks);
    for (auto &l : blocks_)
        l = a_.newLabel();
    exitLabels_.resize(lf_->nexits);
    for (auto &l : exitLabels_)
        l = a_.newLabel();
    epilogue_ = a_.newLabel();

    // move groups by place
    std::vector<std::vector<int>> atPos(lf_->ninsns), predEnd(lf_->nblocks), succStart(lf_->nblocks);
    for (int g = 0, n = kr_ra_num_move_groups(ra_); g < n; g++) {
        const kr_ra_move_group *mg = kr_ra_get_move_group(ra_, g);
        switch (mg->place) {
        case KR_RA_AT_POS:
            if (mg->pos < 0 || mg->pos % 2 || uint32_t(mg->pos / 2) >= lf_->ninsns)
                fail("move group at an odd or out-of-range position");
            else
                atPos[size_t(mg->pos / 2)].push_back(g);
            break;
        case KR_RA_PRED_END: predEnd[size_t(mg->pred)].push_back(g); break;
        case KR_RA_SUCC_START: succStart[size_t(mg->succ)].push_back(g); break;
        case KR_RA_ON_EDGE: fail("unsplit critical edge"); break;
        }
    }

    startMoves_.assign(lf_->nblocks, false);
    for (uint32_t b = 0; b < lf_->nblocks; b++)
        startMoves_[b] = !succStart[b].empty();

    // An edge-split block that got no moves is a lone JUMP: its predecessor's branch goes straight
    // to the successor instead (sharing its label), and the block is not emitted.
    resolved_.resize(lf_->nblocks);
    next_.assign(lf_->nblocks, lf_->nblocks);
    for (uint32_t b = 0; b < lf_->nblocks; b++) {
        const kr_lir_block &bl = lf_->blocks[b];
        bool empty = bl.hir_block < 0 && bl.count == 1 && bl.nsuccs == 1 && bl.npreds == 1 &&
                     lf_->insns[bl.first].op == KR_LIR_JUMP && succStart[b].empty() && predEnd[b].empty() &&
                     atPos[bl.first].empty() && lf_->blocks[bl.succs[0]].hir_block >= 0;
        resolved_[b] = empty ? bl.succs[0] : b;
    }
    for (uint32_t b = 0; b < lf_->nblocks; b++)
        if (resolved_[b] != b)
            blocks_[b] = blocks_[resolved_[b]];
    for (uint32_t b = lf_->nblocks, following = lf_->nblocks; b-- > 0;) {
        next_[b] = following;
        if (resolved_[b] == b)
            following = b;
    }

    for (int r : saved_)
        a_.push(x86::gpq(uint32_t(r)));
    a_.sub(x86::rsp, frameSize_);
    a_.mov(x86::r12, x86::rdi);
    a_.mov(x86::r13, x86::rsi);
    a_.mov(x86::r14, x86::qword_ptr(x86::rsi, lay_.frame_slots));
    a_.mov(x86::dword_ptr(x86::rsp, entryOff_), x86::edx);

    for (uint32_t b = 0; b < lf_->nblocks && !error; b++) {
        const kr_lir_block &bl = lf_->blocks[b];
        if (resolved_[b] != b)
            continue; // a skipped edge split
        a_.bind(blocks_[b]);
        for (int g : succStart[b])
            moveGroup(kr_ra_get_move_group(ra_, g));
        for (uint32_t k = bl.first; k < bl.first + bl.count; k++)
            emitInsn(k, b, atPos, predEnd);
    }
    a_.bind(epilogue_);
    emitEpilogue();

    // ---- cold code: downward ranges, poll slow paths, exit paths, the common exit tail ----
    for (const Undo &u : undos_) {
        a_.bind(u.entry);
        if (u.op.isValid())
            a_.sub(u.reg, u.op);
        else if (u.sub)
            a_.sub(u.reg, u.imm);
        else
            a_.add(u.reg, u.imm);
        if (u.remat.isValid())
            a_.lea(u.remat, x86::ptr(u.rematBase, u.rematBase, 0, -1));
        a_.jmp(u.exit);
    }
    for (const RangeDown &r : rangeDowns_) {
        a_.bind(r.entry);
        a_.cmp(r.cur, r.stop);
        a_.j(r.cc, r.target);
        a_.jmp(r.back);
    }
    for (const PollSlow &p : polls_) {
        a_.bind(p.slow);
        a_.sub(x86::rsp, kPollSave);
        emitSaveCallerSaved();
        a_.mov(x86::rdi, x86::r12);
        a_.mov(x86::rax, uint64_t(uintptr_t(lay_.rt_poll)));
        a_.call(x86::rax);
        a_.mov(x86::r11d, x86::eax);
        emitRestoreCallerSaved();
        a_.add(x86::rsp, kPollSave);
        a_.test(x86::r11d, x86::r11d);
        a_.js(exitLabels_[size_t(p.exit)]);
        a_.jmp(p.back);
    }
    for (const BarrierSlow &bs : barriers_) {
        // As a poll's slow path, every caller-saved register kept; the two arguments go through the
        // stack first, since they may sit in the argument registers themselves (16 bytes: rsp stays
        // aligned).
        a_.bind(bs.slow);
        a_.push(bs.value);
        a_.push(bs.container);
        a_.sub(x86::rsp, kPollSave);
        emitSaveCallerSaved();
        a_.mov(x86::rdi, x86::r12);
        a_.mov(x86::rsi, x86::qword_ptr(x86::rsp, kPollSave));
        a_.mov(x86::rdx, x86::qword_ptr(x86::rsp, kPollSave + 8));
        a_.mov(x86::rax, uint64_t(uintptr_t(lay_.rt_barrier)));
        a_.call(x86::rax);
        emitRestoreCallerSaved();
        a_.add(x86::rsp, kPollSave + 16);
        a_.jmp(bs.back);
    }
    Label common = a_.newLabel();
    for (uint32_t e = 0; e < lf_->nexits; e++) {
        a_.bind(exitLabels_[e]);
        a_.sub(x86::rsp, kRegsSize);
        a_.mov(x86::qword_ptr(x86::rsp, 8 * 11), x86::r11);
        a_.mov(x86::r11, uint64_t(uintptr_t(&exits_[e])));
        a_.jmp(common);
    }
    if (lf_->nexits) {
        a_.bind(common);
        for (int r = 0; r < 16; r++)
            if (r != 4 && r != 11)
                a_.mov(x86::qword_ptr(x86::rsp, 8 * r), x86::gpq(uint32_t(r)));
        a_.lea(x86::rax, x86::ptr(x86::rsp, kRegsSize)); // rsp as the body had it
        a_.mov(x86::qword_ptr(x86::rsp, 8 * 4), x86::rax);
        for (int i = 0; i < 16; i++)
            a_.movsd(x86::qword_ptr(x86::rsp, 128 + 8 * i), x86::xmm(uint32_t(i)));
        a_.mov(x86::rdi, x86::r12);
        a_.mov(x86::rsi, x86::r13);
        a_.mov(x86::rdx, x86::r11);
        a_.mov(x86::rcx, x86::rsp);
        a_.lea(x86::r8, x86::ptr(x86::rsp, kRegsSize));
        a_.mov(x86::rax, uint64_t(uintptr_t(lay_.rt_exit)));
        a_.call(x86::rax);
        a_.add(x86::rsp, kRegsSize);
        // 0: leave with KR_NULL; else the exception was caught in place (jit_rt.h): enter again at
        // the handler's pc through block 0's ENTRY (r12..r14 are callee-saved, rsp is the body's)
        Label leave = a_.newLabel();
        a_.test(x86::eax, x86::eax);
        a_.jz(leave);
        a_.sub(x86::eax, 1);
        a_.mov(x86::dword_ptr(x86::rsp, entryOff_), x86::eax);
        a_.jmp(blocks_[0]);
        a_.bind(leave);
        a_.xor_(x86::eax, x86::eax);
        a_.jmp(epilogue_);
    }
    // ---- 64-bit constants read by instructions (after all code: never executed) ----
    if (!consts_.empty()) {
        a_.align(AlignMode::kData, 8);
        for (const auto &c : consts_) {
            a_.bind(c.first);
            a_.embedUInt64(c.second);
        }
    }
}

double nowMs()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void freeExits(kr_jit_exit *exits, uint32_t n)
{
    if (!exits)
        return;
    for (uint32_t i = 0; i < n; i++)
        free(exits[i].values);
    free(exits);
}

} // namespace

extern "C" kr_jit_backend *kr_jit_backend_new(const kr_jit_backend_options *opts)
{
    kr_jit_backend *be = new (std::nothrow) kr_jit_backend();
    if (!be)
        return nullptr;
    if (opts)
        be->opts = *opts;
    else
        std::memset(&be->opts, 0, sizeof be->opts);
    JitAllocator::CreateParams params{};
    params.options = JitAllocatorOptions::kUseDualMapping; // W^X: never writable and executable at once
    params.blockSize = 64 * 1024;                           // code memory comes in 64 KiB chunks
    be->mem.reset(new (std::nothrow) JitAllocator(&params));
    be->code_bytes = 0;
    if (!be->mem) {
        delete be;
        return nullptr;
    }
    return be;
}

extern "C" void kr_jit_backend_free(kr_jit_backend *be)
{
    delete be; // the allocator unmaps every block
}

extern "C" void kr_jit_backend_set_dump(kr_jit_backend *be, FILE *out)
{
    be->opts.dump = out;
}

extern "C" size_t kr_jit_backend_code_bytes(const kr_jit_backend *be)
{
    return be ? be->code_bytes : 0;
}

extern "C" void kr_jit_backend_release(kr_jit_backend *be, kr_jit_code *code)
{
    if (!code)
        return;
    if (be && code->mem) {
        be->mem->release(code->mem);
        be->code_bytes -= code->code_size <= be->code_bytes ? code->code_size : be->code_bytes;
    }
    freeExits(code->exits, code->nexits);
    code->exits = nullptr;
    code->nexits = 0;
    code->mem = nullptr;
    code->entry = nullptr;
    code->code_size = 0;
}

extern "C" int kr_jit_backend_compile(kr_jit_backend *be, kr_hir_func *fn, kr_jit_code *out)
{
    double t0 = nowMs();
    kr_lir_func *lf = kr_lir_lower(fn);
    if (!lf)
        return -1;
    kr_jit_exit *exits = nullptr;
    int rc = -1;
    if (kr_lir_allocate(lf, be->opts.spill_all) < 0)
        goto done;
    exits = static_cast<kr_jit_exit *>(calloc(lf->nexits + 1, sizeof *exits));
    if (!exits) {
        kr_hir_refuse(fn, "out of memory in the JIT back end");
        goto done;
    }
    if (kr_lir_fill_exits(lf, exits) < 0)
        goto done;
    {
        kr_lir_layout lay;
        kr_lir_layout_of(fn->vm, &lay);
        CodeHolder code;
        code.init(Environment::host());
        RecordingErrorHandler eh;
        code.setErrorHandler(&eh);
        StringLogger logger;
        if (be->opts.dump) {
            logger.addFlags(FormatFlags::kMachineCode);
            code.setLogger(&logger);
        }
        x86::Assembler a(&code);
        Emitter em(lf, lay, a, exits);
        em.run();
        if (be->opts.dump) {
            kr_lir_print(be->opts.dump, lf);
            fprintf(be->opts.dump, "x86-64:\n%s\n", logger.data());
        }
        if (em.error) {
            kr_hir_refuse(fn, "x86 emission: %s", em.why.c_str());
            goto done;
        }
        if (eh.err == kErrorOk)
            code.flatten();
        if (eh.err == kErrorOk && code.hasUnresolvedLinks())
            code.resolveUnresolvedLinks();
        if (eh.err != kErrorOk) {
            kr_hir_refuse(fn, "asmjit: %s", eh.message.c_str());
            goto done;
        }
        if (code.hasUnresolvedLinks()) { // an unbound label would jump into garbage
            kr_hir_refuse(fn, "asmjit: unbound label");
            goto done;
        }
        size_t size = code.codeSize();
        if (be->opts.code_limit && be->code_bytes + size > be->opts.code_limit) {
            kr_hir_refuse(fn, "code memory limit");
            goto done;
        }
        void *rx = nullptr, *rw = nullptr;
        Error err = be->mem->alloc(&rx, &rw, size);
        if (err != kErrorOk) {
            kr_hir_refuse(fn, "code memory: %s", DebugUtils::errorAsString(err));
            goto done;
        }
        err = code.relocateToBase(uint64_t(uintptr_t(rx)));
        if (err == kErrorOk && code.codeSize() > size)
            err = kErrorInvalidState;
        if (err == kErrorOk)
            err = code.copyFlattenedData(rw, size, CopySectionFlags::kPadTargetBuffer);
        if (err != kErrorOk) {
            be->mem->release(rx);
            kr_hir_refuse(fn, "asmjit: %s", DebugUtils::errorAsString(err));
            goto done;
        }
        be->code_bytes += size;
        out->entry = reinterpret_cast<kr_jit_fn>(rx);
        out->mem = rx;
        out->code_size = size;
        out->exits = exits;
        out->nexits = lf->nexits;
        out->deopts = 0;
        exits = nullptr;
        if (be->opts.perf_map) {
            char path[64];
            snprintf(path, sizeof path, "/tmp/perf-%ld.map", long(getpid()));
            if (FILE *pm = fopen(path, "a")) {
                const char *name = "?";
                if (fn->code && kr_is_ptr(fn->code->qualname))
                    name = KR_AS(kr_str, fn->code->qualname)->data;
                fprintf(pm, "%llx %zx krait:%s\n", (unsigned long long)uintptr_t(rx), size, name);
                fclose(pm);
            }
        }
        rc = 0;
    }
done:
    if (exits)
        freeExits(exits, lf->nexits);
    kr_lir_free(lf);
    out->compile_ms = nowMs() - t0;
    return rc;
}
