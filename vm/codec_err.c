/* codec_err.c: what vm/str.c's built-in codecs (utf-8, ascii, latin-1) need from Python's codec machinery:
 * UnicodeEncodeError / UnicodeDecodeError objects with their attributes (encoding, object, start, end,
 * reason), error handlers registered with codecs.register_error, and the codec registry for encodings
 * the C codecs do not know (utf-16, utf-32, utf-8-sig, hex, ...).
 *
 * The registries live in the frozen Python module _codecs (stdlib/lib/_codecs.py): they are per VM because
 * sys.modules is. Nothing here runs unless an error handler other than the built-in ones is named or an
 * encoding is not one of the C codecs, so str.encode / bytes.decode pay nothing for it otherwise.
 */
#include "bytes.h"
#include "import.h"
#include "kr.h"
#include "str.h"

kr_value kr_codec_error_new(kr_vm *vm, bool decode, const char *codec, kr_value obj, int64_t start, int64_t end,
                            const char *reason)
{
    size_t mark = kr_root_mark(vm);
    kr_value args[5] = {KR_NULL, obj, kr_small(start), kr_small(end), KR_NULL};
    kr_root_push(vm, &args[0]);
    kr_root_push(vm, &args[1]);
    kr_root_push(vm, &args[4]);
    kr_value r = KR_NULL;
    args[0] = kr_str_from_cstr(vm, codec);
    if (args[0])
        args[4] = kr_str_from_cstr(vm, reason);
    if (args[4])
        r = kr_call(vm, KR_VAL(decode ? KR_EXC(vm, UnicodeDecodeError) : KR_EXC(vm, UnicodeEncodeError)), args, 5,
                    KR_NULL);
    kr_root_reset(vm, mark);
    return r;
}

kr_value kr_codec_raise(kr_vm *vm, bool decode, const char *codec, kr_value obj, int64_t start, int64_t end,
                        const char *reason)
{
    kr_value e = kr_codec_error_new(vm, decode, codec, obj, start, end, reason);
    return e ? kr_raise_value(vm, e) : KR_NULL;
}

/* _codecs.<fn>(args...), importing the frozen module on first use. */
static kr_value call_codecs(kr_vm *vm, const char *fn, kr_value *args, int nargs)
{
    kr_value mod = kr_import_cstr(vm, "_codecs");
    if (!mod)
        return KR_NULL;
    size_t mark = kr_root_mark(vm);
    kr_root_push(vm, &mod);
    kr_value f = kr_getattr_cstr(vm, mod, fn);
    kr_value r = f ? kr_call(vm, f, args, nargs, KR_NULL) : KR_NULL;
    kr_root_reset(vm, mark);
    return r;
}

kr_value kr_codec_call_handler(kr_vm *vm, const char *errors, bool decode, const char *codec, kr_value obj,
                               int64_t start, int64_t end, const char *reason, int64_t objlen, int64_t *newpos)
{
    size_t mark = kr_root_mark(vm);
    kr_value exc = KR_NULL, name = KR_NULL, handler = KR_NULL, r = KR_NULL, result = KR_NULL;
    kr_root_push(vm, &obj);
    kr_root_push(vm, &exc);
    kr_root_push(vm, &name);
    kr_root_push(vm, &handler);
    kr_root_push(vm, &r);
    name = kr_str_from_cstr(vm, errors);
    if (!name)
        goto done;
    handler = call_codecs(vm, "lookup_error", &name, 1);
    if (!handler)
        goto done;
    exc = kr_codec_error_new(vm, decode, codec, obj, start, end, reason);
    if (!exc)
        goto done;
    r = kr_call1(vm, handler, exc);
    if (!r)
        goto done;
    bool ok = kr_is_ptr(r) && KR_OBJ(r)->type == vm->t.tuple && kr_tuple_size(r) == 2 &&
              (kr_is_str(vm, kr_tuple_items(r)[0]) || (!decode && kr_is_bytes(vm, kr_tuple_items(r)[0]))) &&
              kr_is_int(vm, kr_tuple_items(r)[1]);
    if (!ok) {
        kr_raise(vm, KR_EXC(vm, TypeError), decode ? "decoding error handler must return (str, int) tuple"
                                                   : "encoding error handler must return (str/bytes, int) tuple");
        goto done;
    }
    int64_t pos;
    if (kr_int_to_i64(vm, kr_tuple_items(r)[1], &pos) < 0)
        goto done;
    if (pos < 0)
        pos += objlen;
    if (pos < 0 || pos > objlen) {
        kr_raise(vm, KR_EXC(vm, IndexError), "position %lld from error handler out of bounds", (long long)pos);
        goto done;
    }
    *newpos = pos;
    result = kr_tuple_items(r)[0];
done:
    kr_root_reset(vm, mark);
    return result;
}

kr_value kr_codec_fallback(kr_vm *vm, bool decode, kr_value obj, const char *encoding, const char *errors)
{
    size_t mark = kr_root_mark(vm);
    kr_value args[3] = {obj, KR_NULL, KR_NONE};
    kr_root_push(vm, &args[0]);
    kr_root_push(vm, &args[1]);
    kr_root_push(vm, &args[2]);
    kr_value r = KR_NULL;
    args[1] = kr_str_from_cstr(vm, encoding);
    if (args[1] && errors)
        args[2] = kr_str_from_cstr(vm, errors);
    if (args[1] && args[2])
        r = call_codecs(vm, decode ? "_decode_text" : "_encode_text", args, 3);
    kr_root_reset(vm, mark);
    return r;
}
