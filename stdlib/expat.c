/* expat.c: the _expat module, a thin binding of the system's libexpat on which stdlib/lib/pyexpat.py (and
 * through it xml.parsers.expat, xml.etree.ElementTree, xml.dom.minidom and xml.sax) builds.
 *
 * The binding never calls Python code from inside expat: feed() runs XML_Parse with C callbacks that
 * append one tuple per event to a list, and returns that list; pyexpat.py then calls the user's handlers
 * in order. So no Python code (and no safepoint, hence no collection) runs while expat holds pointers
 * into its own buffers or into the data being parsed, and a handler that raises simply stops the
 * dispatch. Events are (kind, line, column, a, b, c, d) with the kinds of the EV_* enum below; the last
 * one of a failed parse is (EV_ERROR, line, column, code, message, byte_index, None).
 *
 * Which expat handlers are installed is the caller's `mask` (bit 1 << kind per kind): expat's default
 * handler sees exactly the markup no other installed handler took (an end tag when no end handler is
 * set), so installing only the handlers the user set keeps its output the same as CPython's pyexpat.
 *
 * libexpat is loaded with dlopen on the first import (like _hashlib's libcrypto), so the interpreter's
 * start pays nothing for it. The entry points live in an api_obj held in the module state; a parser
 * keeps that object alive and copies the one function its finalizer needs (XML_ParserFree), since the
 * holder may be swept in the same collection. The XML_Parser is malloc'd by expat: the parser type is
 * KR_TF_EXTERNAL_FINALIZE and its finalizer frees it, also when the VM is destroyed.
 */
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "../vm/bytes.h"
#include "../vm/init.h"
#include "../vm/int.h"
#include "../vm/kr.h"
#include "../vm/native.h"
#include "../vm/str.h"
#include "../vm/type.h"

#define LIBEXPAT_SONAME "libexpat.so.1"

enum { XS_PARSER, XS_API, XS_COUNT };

/* event kinds; pyexpat.py has the same numbers */
enum {
    EV_START, EV_END, EV_DATA, EV_COMMENT, EV_PI, EV_XMLDECL, EV_START_DOCTYPE, EV_END_DOCTYPE,
    EV_START_CDATA, EV_END_CDATA, EV_START_NS, EV_END_NS, EV_DEFAULT, EV_DEFAULT_EXPAND, EV_ERROR
};

#define EXPAT_FUNCS(X)                                                                                        \
    X(XML_ParserCreate) X(XML_ParserCreateNS) X(XML_ParserFree) X(XML_SetUserData) X(XML_Parse)              \
    X(XML_SetStartElementHandler) X(XML_SetEndElementHandler) X(XML_SetCharacterDataHandler)                 \
    X(XML_SetCommentHandler) X(XML_SetProcessingInstructionHandler) X(XML_SetXmlDeclHandler)                 \
    X(XML_SetStartDoctypeDeclHandler) X(XML_SetEndDoctypeDeclHandler) X(XML_SetStartCdataSectionHandler)     \
    X(XML_SetEndCdataSectionHandler) X(XML_SetStartNamespaceDeclHandler) X(XML_SetEndNamespaceDeclHandler)   \
    X(XML_SetDefaultHandler) X(XML_SetDefaultHandlerExpand) X(XML_GetErrorCode) X(XML_ErrorString)           \
    X(XML_GetCurrentLineNumber) X(XML_GetCurrentColumnNumber) X(XML_GetCurrentByteIndex) X(XML_StopParser)    \
    X(XML_SetEncoding) X(XML_ExpatVersionInfo) X(XML_ExpatVersion) X(XML_SetReturnNSTriplet)

typedef struct expat_api {
#define EXPAT_FIELD(name) __typeof__(&name) name;
    EXPAT_FUNCS(EXPAT_FIELD)
#undef EXPAT_FIELD
} expat_api;

typedef struct api_obj {
    kr_object ob;
    expat_api api;
} api_obj;

/* the names of the table's functions, in its order (kr_native_library fills it by position) */
static const char *const expat_names[] = {
#define EXPAT_NAME(name) #name,
    EXPAT_FUNCS(EXPAT_NAME)
#undef EXPAT_NAME
};
_Static_assert(sizeof(expat_api) == sizeof expat_names / sizeof expat_names[0] * sizeof(void *),
               "expat_api holds function pointers only, one per name");

typedef struct parser_obj {
    kr_object ob;
    XML_Parser xp;                       /* NULL once freed */
    __typeof__(&XML_ParserFree) free_fn; /* copied: the api_obj may be swept in the same collection */
    kr_value api;                        /* the api_obj */
} parser_obj;

/* What the callbacks of one feed() share (on the C stack: expat's user data). */
typedef struct feed_ctx {
    kr_vm *vm;
    const expat_api *api;
    XML_Parser xp;
    kr_value events; /* the list being filled; no collection can happen during the feed */
    bool failed;     /* an allocation failed: the parser was stopped, MemoryError is pending */
} feed_ctx;

static kr_value module_state(kr_value module) { return KR_AS(kr_module, module)->state; }

/* ---------------- the callbacks ---------------- */

static kr_value str_n(feed_ctx *c, const XML_Char *s, int n)
{
    /* libexpat.so.1 is built with char XML_Char and reports UTF-8 it has validated */
    return kr_str_new(c->vm, s, (size_t)n);
}

static kr_value str_z(feed_ctx *c, const XML_Char *s)
{
    if (!s)
        return KR_NONE;
    return str_n(c, s, (int)strlen(s));
}

/* Appends (kind, line, col, a, b, c, d); a KR_NULL among the items means an allocation failed. */
static void emit(feed_ctx *c, int kind, kr_value a, kr_value b, kr_value cc, kr_value d)
{
    if (c->failed)
        return;
    kr_vm *vm = c->vm;
    kr_value k = kr_int_from_i64(vm, kind);
    kr_value line = k ? kr_int_from_i64(vm, (int64_t)c->api->XML_GetCurrentLineNumber(c->xp)) : KR_NULL;
    kr_value col = line ? kr_int_from_i64(vm, (int64_t)c->api->XML_GetCurrentColumnNumber(c->xp)) : KR_NULL;
    kr_value t = KR_NULL;
    if (col && a && b && cc && d)
        t = kr_tuple_pack(vm, 7, k, line, col, a, b, cc, d);
    if (!t || kr_list_append(vm, c->events, t) < 0) {
        c->failed = true;
        c->api->XML_StopParser(c->xp, XML_FALSE);
    }
}

static void cb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    feed_ctx *c = ud;
    if (c->failed)
        return;
    kr_value list = kr_list_new(c->vm, 0);
    for (int i = 0; list && atts[i]; i++) {
        kr_value s = str_z(c, atts[i]);
        if (!s || kr_list_append(c->vm, list, s) < 0)
            list = KR_NULL;
    }
    emit(c, EV_START, str_z(c, name), list, KR_NONE, KR_NONE);
}

static void cb_end(void *ud, const XML_Char *name)
{
    feed_ctx *c = ud;
    emit(c, EV_END, str_z(c, name), KR_NONE, KR_NONE, KR_NONE);
}

static void cb_data(void *ud, const XML_Char *s, int len)
{
    feed_ctx *c = ud;
    emit(c, EV_DATA, str_n(c, s, len), KR_NONE, KR_NONE, KR_NONE);
}

static void cb_comment(void *ud, const XML_Char *s)
{
    feed_ctx *c = ud;
    emit(c, EV_COMMENT, str_z(c, s), KR_NONE, KR_NONE, KR_NONE);
}

static void cb_pi(void *ud, const XML_Char *target, const XML_Char *data)
{
    feed_ctx *c = ud;
    emit(c, EV_PI, str_z(c, target), str_z(c, data), KR_NONE, KR_NONE);
}

static void cb_xmldecl(void *ud, const XML_Char *version, const XML_Char *encoding, int standalone)
{
    feed_ctx *c = ud;
    emit(c, EV_XMLDECL, str_z(c, version), str_z(c, encoding), kr_int_from_i64(c->vm, standalone), KR_NONE);
}

static void cb_start_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                             int has_internal_subset)
{
    feed_ctx *c = ud;
    emit(c, EV_START_DOCTYPE, str_z(c, name), str_z(c, sysid), str_z(c, pubid), kr_bool(has_internal_subset));
}

static void cb_end_doctype(void *ud)
{
    emit(ud, EV_END_DOCTYPE, KR_NONE, KR_NONE, KR_NONE, KR_NONE);
}

static void cb_start_cdata(void *ud)
{
    emit(ud, EV_START_CDATA, KR_NONE, KR_NONE, KR_NONE, KR_NONE);
}

static void cb_end_cdata(void *ud)
{
    emit(ud, EV_END_CDATA, KR_NONE, KR_NONE, KR_NONE, KR_NONE);
}

static void cb_start_ns(void *ud, const XML_Char *prefix, const XML_Char *uri)
{
    feed_ctx *c = ud;
    emit(c, EV_START_NS, str_z(c, prefix), str_z(c, uri), KR_NONE, KR_NONE);
}

static void cb_end_ns(void *ud, const XML_Char *prefix)
{
    feed_ctx *c = ud;
    emit(c, EV_END_NS, str_z(c, prefix), KR_NONE, KR_NONE, KR_NONE);
}

static void cb_default(void *ud, const XML_Char *s, int len)
{
    feed_ctx *c = ud;
    emit(c, EV_DEFAULT, str_n(c, s, len), KR_NONE, KR_NONE, KR_NONE);
}

/* ---------------- the parser ---------------- */

static void parser_trace(kr_vm *vm, kr_object *o)
{
    kr_gc_mark(vm, ((parser_obj *)o)->api);
}

static void parser_finalize(kr_vm *vm, kr_object *o)
{
    (void)vm;
    parser_obj *p = (parser_obj *)o;
    if (p->xp)
        p->free_fn(p->xp);
    p->xp = NULL;
}

static const expat_api *api_of(kr_value module) { return &KR_AS(api_obj, kr_tuple_items(module_state(module))[XS_API])->api; }

static parser_obj *parser_arg(kr_vm *vm, kr_value module, kr_value v)
{
    kr_type *t = KR_AS(kr_type, kr_tuple_items(module_state(module))[XS_PARSER]);
    if (kr_type_of(vm, v) != t) {
        kr_raise(vm, KR_EXC(vm, TypeError), "expected an _expat.Parser, not %s", kr_typename(vm, v));
        return NULL;
    }
    return KR_AS(parser_obj, v);
}

/* create(encoding, namespace_separator): encoding and separator are str or None; the separator is one
 * character or empty (pyexpat.py checks it). */
static kr_value m_create(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "create", kwnames) < 0 || kr_args_count(vm, "create", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    kr_value module = args[0], enc = args[1], sep = args[2];
    const char *encoding = NULL;
    if (enc != KR_NONE) {
        if (!kr_is_str(vm, enc))
            return kr_raise(vm, KR_EXC(vm, TypeError), "encoding must be str or None");
        encoding = kr_str_data(enc);
    }
    if (sep != KR_NONE && !kr_is_str(vm, sep))
        return kr_raise(vm, KR_EXC(vm, TypeError), "namespace_separator must be str or None");
    kr_value state = module_state(module);
    const expat_api *api = api_of(module);
    parser_obj *p = kr_gc_alloc(vm, KR_AS(kr_type, kr_tuple_items(state)[XS_PARSER]), sizeof *p);
    if (!p)
        return KR_NULL;
    p->api = kr_tuple_items(state)[XS_API];
    p->free_fn = api->XML_ParserFree;
    if (sep == KR_NONE)
        p->xp = api->XML_ParserCreate(encoding);
    else
        p->xp = api->XML_ParserCreateNS(encoding, kr_str_nbytes(sep) ? kr_str_data(sep)[0] : '\0');
    if (!p->xp)
        return kr_raise_nomemory(vm);
    return KR_VAL(p);
}

/* Installs exactly the handlers whose bits are in mask. */
static void set_handlers(const expat_api *api, XML_Parser xp, int64_t mask)
{
#define ON(kind, fn) ((mask & (1LL << (kind))) ? (fn) : NULL)
    api->XML_SetStartElementHandler(xp, ON(EV_START, cb_start));
    api->XML_SetEndElementHandler(xp, ON(EV_END, cb_end));
    api->XML_SetCharacterDataHandler(xp, ON(EV_DATA, cb_data));
    api->XML_SetCommentHandler(xp, ON(EV_COMMENT, cb_comment));
    api->XML_SetProcessingInstructionHandler(xp, ON(EV_PI, cb_pi));
    api->XML_SetXmlDeclHandler(xp, ON(EV_XMLDECL, cb_xmldecl));
    api->XML_SetStartDoctypeDeclHandler(xp, ON(EV_START_DOCTYPE, cb_start_doctype));
    api->XML_SetEndDoctypeDeclHandler(xp, ON(EV_END_DOCTYPE, cb_end_doctype));
    api->XML_SetStartCdataSectionHandler(xp, ON(EV_START_CDATA, cb_start_cdata));
    api->XML_SetEndCdataSectionHandler(xp, ON(EV_END_CDATA, cb_end_cdata));
    api->XML_SetStartNamespaceDeclHandler(xp, ON(EV_START_NS, cb_start_ns));
    api->XML_SetEndNamespaceDeclHandler(xp, ON(EV_END_NS, cb_end_ns));
    /* the two default handlers are one slot in expat: the last call decides whether internal entities
     * are expanded (DefaultHandlerExpand) or reported to it unexpanded (DefaultHandler) */
    if (mask & (1LL << EV_DEFAULT))
        api->XML_SetDefaultHandler(xp, cb_default);
    else
        api->XML_SetDefaultHandlerExpand(xp, ON(EV_DEFAULT_EXPAND, cb_default));
#undef ON
}

/* feed(parser, data, isfinal, mask) -> list of events (see the top of the file). data: str (parsed as
 * UTF-8 whatever the XML declaration says, as CPython's Parse of a str) or a bytes-like object. */
static kr_value m_feed(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "feed", kwnames) < 0 || kr_args_count(vm, "feed", nargs - 1, 4, 4) < 0)
        return KR_NULL;
    parser_obj *p = parser_arg(vm, args[0], args[1]);
    if (!p)
        return KR_NULL;
    kr_value data = args[2];
    int isfinal = kr_truthy(vm, args[3]);
    int64_t mask;
    if (isfinal < 0 || kr_index_i64(vm, args[4], &mask) < 0)
        return KR_NULL;
    const expat_api *api = &KR_AS(api_obj, p->api)->api;
    const uint8_t *buf;
    int64_t n;
    if (kr_is_str(vm, data)) {
        buf = (const uint8_t *)kr_str_data(data);
        n = kr_str_nbytes(data);
        /* refused (and harmless) once parsing started: the first chunk decides, as in CPython */
        api->XML_SetEncoding(p->xp, "utf-8");
    } else if (kr_bytes_buffer(vm, data, &buf, &n) < 0) {
        return KR_NULL;
    }
    kr_value events = kr_list_new(vm, 0);
    if (!events)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &events);
    feed_ctx c = {vm, api, p->xp, events, false};
    api->XML_SetUserData(p->xp, &c);
    set_handlers(api, p->xp, mask);
    /* XML_Parse takes an int length: feed longer input in slices */
    enum XML_Status st = XML_STATUS_OK;
    do {
        int chunk = n > (1 << 30) ? (1 << 30) : (int)n;
        bool last = chunk == n;
        st = api->XML_Parse(p->xp, (const char *)buf, chunk, last && isfinal);
        buf += chunk;
        n -= chunk;
    } while (st == XML_STATUS_OK && n > 0);
    api->XML_SetUserData(p->xp, NULL);
    if (c.failed) {
        kr_root_reset(vm, mark);
        return kr_raise_nomemory(vm);
    }
    if (st == XML_STATUS_ERROR) {
        enum XML_Error code = api->XML_GetErrorCode(p->xp);
        const char *msg = api->XML_ErrorString(code);
        kr_value ms = kr_str_from_cstr(vm, msg ? msg : "unknown error");
        kr_value t = ms ? kr_tuple_pack(vm, 7, kr_int_from_i64(vm, EV_ERROR),
                                   kr_int_from_i64(vm, (int64_t)api->XML_GetCurrentLineNumber(p->xp)),
                                   kr_int_from_i64(vm, (int64_t)api->XML_GetCurrentColumnNumber(p->xp)),
                                   kr_int_from_i64(vm, code), ms,
                                   kr_int_from_i64(vm, (int64_t)api->XML_GetCurrentByteIndex(p->xp)), KR_NONE) : KR_NULL;
        if (!t || kr_list_append(vm, events, t) < 0) {
            kr_root_reset(vm, mark);
            return KR_NULL;
        }
    }
    kr_root_reset(vm, mark);
    return events;
}

/* position(parser) -> (line, column, byte_index) where expat stands */
static kr_value m_position(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "position", kwnames) < 0 || kr_args_count(vm, "position", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    parser_obj *p = parser_arg(vm, args[0], args[1]);
    if (!p)
        return KR_NULL;
    const expat_api *api = &KR_AS(api_obj, p->api)->api;
    return kr_tuple_pack(vm, 3, kr_int_from_i64(vm, (int64_t)api->XML_GetCurrentLineNumber(p->xp)),
                         kr_int_from_i64(vm, (int64_t)api->XML_GetCurrentColumnNumber(p->xp)),
                         kr_int_from_i64(vm, (int64_t)api->XML_GetCurrentByteIndex(p->xp)));
}

/* set_triplet(parser, flag): with namespace processing, report names as "uri local prefix" (pyexpat's
 * namespace_prefixes); expat honours it only before parsing starts. */
static kr_value m_set_triplet(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "set_triplet", kwnames) < 0 || kr_args_count(vm, "set_triplet", nargs - 1, 2, 2) < 0)
        return KR_NULL;
    parser_obj *p = parser_arg(vm, args[0], args[1]);
    int flag = p ? kr_truthy(vm, args[2]) : -1;
    if (flag < 0)
        return KR_NULL;
    KR_AS(api_obj, p->api)->api.XML_SetReturnNSTriplet(p->xp, flag);
    return KR_NONE;
}

/* error_string(code) -> str or None */
static kr_value m_error_string(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "error_string", kwnames) < 0 || kr_args_count(vm, "error_string", nargs - 1, 1, 1) < 0)
        return KR_NULL;
    int64_t code;
    if (kr_index_i64(vm, args[1], &code) < 0)
        return KR_NULL;
    if (code < 0 || code > 1000)
        return KR_NONE;
    const char *s = api_of(args[0])->XML_ErrorString((enum XML_Error)code);
    return s ? kr_str_from_cstr(vm, s) : KR_NONE;
}

/* version() -> (version string, (major, minor, micro)) */
static kr_value m_version(kr_vm *vm, kr_value *args, int nargs, kr_value kwnames)
{
    if (kr_args_no_kw(vm, "version", kwnames) < 0 || kr_args_count(vm, "version", nargs - 1, 0, 0) < 0)
        return KR_NULL;
    const expat_api *api = api_of(args[0]);
    XML_Expat_Version v = api->XML_ExpatVersionInfo();
    /* small ints: immediates, never NULL */
    kr_value info = kr_tuple_pack(vm, 3, kr_int_from_i64(vm, v.major), kr_int_from_i64(vm, v.minor),
                                  kr_int_from_i64(vm, v.micro));
    kr_value s = info ? kr_str_from_cstr(vm, api->XML_ExpatVersion()) : KR_NULL;
    return s ? kr_tuple_pack(vm, 2, s, info) : KR_NULL;
}

static const kr_method_def expat_functions[] = {
    {"create", m_create, KR_METH_MODULE, NULL},
    {"feed", m_feed, KR_METH_MODULE, NULL},
    {"position", m_position, KR_METH_MODULE, NULL},
    {"set_triplet", m_set_triplet, KR_METH_MODULE, NULL},
    {"error_string", m_error_string, KR_METH_MODULE, NULL},
    {"version", m_version, KR_METH_MODULE, NULL},
    {NULL, NULL, 0, NULL},
};


kr_value kr_expat_module_create(kr_vm *vm)
{
    kr_value m = kr_module_new(vm, "_expat");
    if (m == KR_NULL)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &m);
    kr_value state = kr_tuple_new(vm, XS_COUNT);
    if (!state)
        goto fail;
    KR_AS(kr_module, m)->state = state;
    kr_gc_barrier(vm, KR_OBJ(m), state);

    /* the library's entry points, in an object the streams keep alive */
    kr_value ao = kr_native_library(vm, "_expat._api", sizeof(api_obj), offsetof(api_obj, api), LIBEXPAT_SONAME,
                                    "pyexpat", "libexpat1", expat_names, sizeof expat_names / sizeof expat_names[0]);
    if (!ao)
        goto fail;
    kr_tuple_items(state)[XS_API] = ao;
    kr_gc_barrier(vm, KR_OBJ(state), ao);

    kr_type *t = kr_type_new_builtin(vm, "_expat.Parser", vm->t.object, sizeof(parser_obj), KR_TF_EXTERNAL_FINALIZE);
    t->flags |= KR_TF_ABSTRACT;
    t->trace = parser_trace;
    t->finalize = parser_finalize;
    KR_TX(t)->module_state = state;
    kr_tuple_items(state)[XS_PARSER] = KR_VAL(t);
    kr_gc_barrier(vm, KR_OBJ(state), KR_VAL(t));
    if (kr_type_ready(vm, t) < 0)
        goto fail;
    if (kr_module_add_functions(vm, m, expat_functions) < 0)
        goto fail;
    kr_root_reset(vm, mark);
    return m;
fail:
    kr_root_reset(vm, mark);
    return KR_NULL;
}
