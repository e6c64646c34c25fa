// An LD_PRELOAD shim for fault-injection tests: makes the Nth (and every later)
// open, write or fsync of files whose path contains a given string fail with a given
// errno, as a full disk, a read-only file system or a descriptor limit would. The
// tests cannot fill a real disk or mount a small tmpfs; this reaches the same code
// paths in libxapian and newsfacet. Configured by the environment:
//   FAILIO_OP     open | write | fsync      which calls to fail
//   FAILIO_AT     N                          the first failing call (1-based), default 1
//   FAILIO_ERRNO  ENOSPC | EIO | EROFS | EMFILE | EFBIG | EDQUOT   default ENOSPC
//   FAILIO_PATH   substring of the path      only calls on matching files count
// Calls on other files (stderr, the inputs) are never touched.
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

enum class Op { none, open, write, fsync };

struct Config {
    Op op = Op::none;
    long at = 1;
    int err = ENOSPC;
    const char* path = nullptr;
};

const Config& config() {
    static const Config c = [] {
        Config k;
        const char* op = std::getenv("FAILIO_OP");
        if (!op) return k;
        if (!std::strcmp(op, "open")) k.op = Op::open;
        if (!std::strcmp(op, "write")) k.op = Op::write;
        if (!std::strcmp(op, "fsync")) k.op = Op::fsync;
        if (const char* at = std::getenv("FAILIO_AT")) k.at = std::atol(at);
        if (const char* e = std::getenv("FAILIO_ERRNO")) {
            static const struct {
                const char* name;
                int value;
            } kErrnos[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},     {"EROFS", EROFS},
                           {"EMFILE", EMFILE}, {"EFBIG", EFBIG}, {"EDQUOT", EDQUOT}};
            for (const auto& n : kErrnos)
                if (!std::strcmp(e, n.name)) k.err = n.value;
        }
        k.path = std::getenv("FAILIO_PATH");
        return k;
    }();
    return c;
}

std::atomic<long> calls{0};

bool path_matches(const char* path) {
    return path && (!config().path || std::strstr(path, config().path));
}

bool fd_matches(int fd) {
    char link[64], target[PATH_MAX];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    if (n < 0) return false;
    target[n] = '\0';
    return path_matches(target);
}

// Counts a matching call of kind `op`; true when it is to fail (errno set).
bool should_fail(Op op, bool matches) {
    if (config().op != op || !matches) return false;
    if (calls.fetch_add(1) + 1 < config().at) return false;
    errno = config().err;
    return true;
}

template <typename F>
F next(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

// Whether an opened path matches, made absolute (relative to the working directory)
// so that FAILIO_PATH can be absolute whatever the program was given.
bool open_matches(int dirfd, const char* path) {
    if (!path || config().op != Op::open) return false;
    if (path[0] == '/' || (dirfd != -1 && dirfd != AT_FDCWD)) return path_matches(path);
    char abs[PATH_MAX];
    if (!::getcwd(abs, sizeof abs)) return path_matches(path);
    std::snprintf(abs + std::strlen(abs), sizeof abs - std::strlen(abs), "/%s", path);
    return path_matches(abs);
}

int do_open(const char* name, int dirfd, const char* path, int flags, mode_t mode) {
    if (should_fail(Op::open, open_matches(dirfd, path))) return -1;
    if (dirfd == -1) return next<int (*)(const char*, int, ...)>(name)(path, flags, mode);
    return next<int (*)(int, const char*, int, ...)>(name)(dirfd, path, flags, mode);
}

mode_t mode_arg(int flags, va_list ap) {
    return (flags & (O_CREAT | O_TMPFILE)) ? static_cast<mode_t>(va_arg(ap, int)) : 0;
}

}  // namespace

extern "C" {

int open(const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return do_open("open", -1, path, flags, mode);
}
int open64(const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return do_open("open64", -1, path, flags, mode);
}
int openat(int dirfd, const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return do_open("openat", dirfd, path, flags, mode);
}
int openat64(int dirfd, const char* path, int flags, ...) {
    va_list ap;
    va_start(ap, flags);
    const mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return do_open("openat64", dirfd, path, flags, mode);
}
ssize_t write(int fd, const void* buf, size_t n) {
    if (should_fail(Op::write, fd > 2 && fd_matches(fd))) return -1;
    return next<ssize_t (*)(int, const void*, size_t)>("write")(fd, buf, n);
}
ssize_t pwrite(int fd, const void* buf, size_t n, off_t off) {
    if (should_fail(Op::write, fd > 2 && fd_matches(fd))) return -1;
    return next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite")(fd, buf, n, off);
}
ssize_t pwrite64(int fd, const void* buf, size_t n, off_t off) {
    if (should_fail(Op::write, fd > 2 && fd_matches(fd))) return -1;
    return next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite64")(fd, buf, n, off);
}
int fsync(int fd) {
    if (should_fail(Op::fsync, fd_matches(fd))) return -1;
    return next<int (*)(int)>("fsync")(fd);
}
int fdatasync(int fd) {
    if (should_fail(Op::fsync, fd_matches(fd))) return -1;
    return next<int (*)(int)>("fdatasync")(fd);
}

}  // extern "C"
