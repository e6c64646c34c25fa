#include "error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <system_error>

#include "text.h"

namespace newsfacet {
namespace {

// Set by the Xapian side (xapian_hooks.cc) when a program links it.
ExceptionTranslator exception_translator = nullptr;

const SystemCause kCauses[] = {
    {ENOSPC, "no space left on device",
     "free some space on the file system that holds the database; it is still at its last commit"},
    {EDQUOT, "disk quota exceeded", "free some space or raise the quota; the database is still at its last commit"},
    {EFBIG, "file too large (the file-size limit, ulimit -f, or the file system's)",
     "raise the limit (ulimit -f unlimited); the database is still at its last commit"},
    {EROFS, "read-only file system", "put the database on a writable file system (--db PATH)"},
    {EMFILE, "too many open files (the per-process limit, ulimit -n)",
     "raise the limit (ulimit -n 1024); the database itself is fine"},
    {ENFILE, "too many open files in the system", "close some programs and try again; the database itself is fine"},
    {ENOMEM, "out of memory", "free some memory or raise the limit (ulimit -v)"},
    {EACCES, "permission denied", "check the permissions of the database directory and its files"},
    {EPERM, "operation not permitted", "check the permissions of the database directory and its files"},
    {EIO, "input/output error", "the disk may be failing; check the system log (dmesg)"},
};

}  // namespace

void print_message(const char* program, const char* kind, std::string_view message) {
    const std::string line = std::string(program) + ": " + kind + ": " + terminal_safe(message) + "\n";
    std::fputs(line.c_str(), stderr);
}

void print_error(const char* program, const Error& e) {
    print_message(program, "error", e.message);
    if (!e.hint.empty()) print_message(program, "hint", e.hint);
}

Error errno_error(int err, const std::string& what) {
    for (const SystemCause& c : kCauses)
        if (c.err == err) return {kExitRuntime, what + ": " + c.what + " (" + std::strerror(err) + ")", c.hint};
    return {kExitRuntime, what + ": " + std::strerror(err), ""};
}

Error current_exception_error(const std::string& db_path) {
    try {
        throw;
    } catch (const Failure& f) {
        return f.error();
    } catch (const std::bad_alloc&) {
        return {kExitRuntime, "out of memory", "free some memory or raise the limit (ulimit -v)"};
    } catch (const std::system_error& e) {
        return errno_error(e.code().value(), e.what());
    } catch (const std::exception& e) {
        return {kExitRuntime, e.what(), ""};
    } catch (...) {
        if (exception_translator)
            if (std::optional<Error> e = exception_translator(db_path)) return *e;
        return {kExitRuntime, "unknown error", ""};
    }
}

void set_exception_translator(ExceptionTranslator translate) {
    exception_translator = translate;
}

std::span<const SystemCause> system_causes() {
    return kCauses;
}

}  // namespace newsfacet
