/* pycache.c: cached compiled code of imported modules (format and rules: pycache.h). */
#include "pycache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "code.h"
#include "compile.h"
#include "marshal.h"
#include "module.h"

extern const char kr_compiler_fingerprint[17]; /* build/compiler_fingerprint.c */

enum { HEADER_SIZE = 40, MAX_CACHE_SIZE = 256 << 20 };

static uint64_t source_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 1099511628211ull;
    return h;
}

static void put_u64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void make_header(uint8_t *h, const char *src, size_t len)
{
    memset(h, 0, HEADER_SIZE);
    memcpy(h, "KRPC", 4);
    memcpy(h + 4, kr_compiler_fingerprint, 16);
    put_u64(h + 20, (uint64_t)len);
    put_u64(h + 28, source_hash(src, len));
}

/* sys.<name>, or KR_NULL (no exception) */
static kr_value sys_attr(kr_vm *vm, const char *name)
{
    if (!vm->sys_module)
        return KR_NULL;
    kr_value v = kr_getattr_cstr(vm, vm->sys_module, name);
    if (!v)
        kr_err_clear(vm);
    return v;
}

/* dir/__pycache__/NAME.TAG.pyc for dir/NAME.py (malloc'd; *dirlen: the __pycache__ directory's
 * length), or NULL when filename is not a .py file or there is no cache tag. */
static char *cache_path(kr_vm *vm, const char *filename, size_t *dirlen)
{
    size_t n = strlen(filename);
    if (n < 4 || strcmp(filename + n - 3, ".py") != 0)
        return NULL;
    kr_value impl = sys_attr(vm, "implementation");
    kr_value tag = impl ? kr_getattr_cstr(vm, impl, "cache_tag") : KR_NULL;
    if (!tag || !kr_is_str(vm, tag)) {
        kr_err_clear(vm);
        return NULL;
    }
    const char *slash = strrchr(filename, '/');
    size_t dir = slash ? (size_t)(slash - filename + 1) : 0; /* with its '/' */
    const char *base = filename + dir;
    size_t baselen = n - dir - 3;
    size_t need = dir + strlen("__pycache__/") + baselen + 1 + (size_t)kr_str_nbytes(tag) + strlen(".pyc") + 1;
    char *p = malloc(need);
    if (!p)
        return NULL;
    snprintf(p, need, "%.*s__pycache__/%.*s.%s.pyc", (int)dir, filename, (int)baselen, base, kr_str_data(tag));
    *dirlen = dir + strlen("__pycache__");
    return p;
}

static kr_value load_cached(kr_vm *vm, const char *path, const char *src, size_t len, const char *filename)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return KR_NULL;
    uint8_t *buf = NULL;
    kr_value code = KR_NULL;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || st.st_size <= HEADER_SIZE || st.st_size > MAX_CACHE_SIZE)
        goto done;
    size_t size = (size_t)st.st_size;
    buf = malloc(size);
    if (!buf || fread(buf, 1, size, f) != size)
        goto done;
    uint8_t want[HEADER_SIZE];
    make_header(want, src, len);
    if (memcmp(buf, want, HEADER_SIZE) != 0)
        goto done;
    bool stale = false;
    code = kr_marshal_load_code(vm, buf + HEADER_SIZE, size - HEADER_SIZE, &stale);
    if (!code) {
        kr_err_clear(vm); /* a damaged file: compile instead */
    } else if (strcmp(kr_str_data(kr_code_of(code)->filename), filename) != 0) {
        code = KR_NULL; /* compiled under another path: tracebacks must name this one */
    }
done:
    free(buf);
    fclose(f);
    return code;
}

static void write_cached(kr_vm *vm, const char *path, size_t dirlen, kr_value code, const char *src, size_t len)
{
    kr_value dont = sys_attr(vm, "dont_write_bytecode");
    if (dont && kr_truthy(vm, dont) != 0) {
        kr_err_clear(vm);
        return;
    }
    size_t blen;
    uint8_t *blob = kr_marshal_dump_code(vm, code, &blen);
    if (!blob) {
        kr_err_clear(vm);
        return;
    }
    char *dir = strndup(path, dirlen);
    size_t tlen = strlen(path) + 32;
    char *tmp = malloc(tlen);
    if (!dir || !tmp)
        goto done;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        goto done;
    snprintf(tmp, tlen, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f)
        goto done;
    uint8_t header[HEADER_SIZE];
    make_header(header, src, len);
    bool ok = fwrite(header, 1, HEADER_SIZE, f) == HEADER_SIZE && fwrite(blob, 1, blen, f) == blen;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
done:
    free(tmp);
    free(dir);
    free(blob);
}

kr_value kr_pycache_compile(kr_vm *vm, const char *src, size_t len, const char *filename)
{
    size_t dirlen = 0;
    char *path = cache_path(vm, filename, &dirlen);
    if (path) {
        kr_value code = load_cached(vm, path, src, len, filename);
        if (code) {
            free(path);
            return code;
        }
    }
    kr_value code = kr_compile_source(vm, src, len, filename, KR_PARSE_FILE);
    if (code && path) {
        size_t m = kr_root_mark(vm); /* sys.dont_write_bytecode's truth may run Python code */
        kr_root_push(vm, &code);
        write_cached(vm, path, dirlen, code, src, len);
        kr_root_reset(vm, m);
    }
    free(path);
    return code;
}
