// Errors as values with a message, a hint and the exit status they map to.
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace newsfacet {

/// Process exit statuses, documented in --help, README and docs/cli.md.
enum ExitCode : int {
    kExitOk = 0,       ///< success (zero hits is success)
    kExitRuntime = 1,  ///< runtime error: missing, locked or corrupt database, I/O
    kExitUsage = 2,    ///< usage or query syntax error
    kExitPartial = 3,  ///< newsfacet-index: some inputs were skipped, the rest indexed
};

/// What went wrong, for a person: "error: <message>" then "hint: <hint>".
struct Error {
    ExitCode code = kExitRuntime;
    std::string message;
    std::string hint;
};

/// Carries an Error to the one place (main) that prints it and picks the exit status.
class Failure : public std::runtime_error {
  public:
    explicit Failure(Error e) : std::runtime_error(e.message), error_(std::move(e)) {}
    /// The error carried.
    const Error& error() const { return error_; }

  private:
    Error error_;
};

/// A value or the Error that prevented it (std::expected is C++23). Parsers return
/// one; the caller decides whether to throw it (`value_or_throw`) or to keep going.
template <class T>
class Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    /// True when it holds a value.
    explicit operator bool() const { return v_.index() == 0; }
    const T& operator*() const { return std::get<0>(v_); }
    T& operator*() { return std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    /// The error; only when it holds no value.
    const Error& error() const { return std::get<1>(v_); }
    /// The value, or throws the error as a Failure.
    T value_or_throw() && {
        if (v_.index() != 0) throw Failure(std::get<1>(v_));
        return std::move(std::get<0>(v_));
    }

  private:
    std::variant<T, Error> v_;
};
/// Prints "PROGRAM: KIND: MESSAGE" on stderr ("newsfacet-index: warning: ..."). The
/// message goes through terminal_safe (text.h): it may hold file names, ids or dates
/// from the input, and escape sequences in them must not reach the terminal.
void print_message(const char* program, const char* kind, std::string_view message);

/// Prints "error: ..." (and "hint: ...") to stderr, with the program name.
void print_error(const char* program, const Error& e);

/// An error for a failed system call: `what` and the cause in words (errno `err`),
/// with a hint for the causes a user can act on (disk full, limits, read-only).
Error errno_error(int err, const std::string& what);

/// Turns the exception in flight (Failure, std, and Xapian's through the translator
/// below) into an Error. Call inside a catch block.
Error current_exception_error(const std::string& db_path);

/// Turns the exception in flight that current_exception_error does not know into an
/// Error, or nullopt. The Xapian side (xapian_hooks.cc, the one place where Xapian's
/// exceptions get their hints) sets it when a program links it: extract/ and the
/// programs that only read and extract (newsfacet-eval) do not link Xapian.
using ExceptionTranslator = std::optional<Error> (*)(const std::string& db_path);
void set_exception_translator(ExceptionTranslator translate);

/// What a system error means for a newsfacet user: the cause in words and what to do.
struct SystemCause {
    int err;
    const char* what;
    const char* hint;
};

/// The system errors a user can act on (disk full, limits, read-only ...).
std::span<const SystemCause> system_causes();

}  // namespace newsfacet
