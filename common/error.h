// Errors as values with a message, a hint and the exit status they map to.
#pragma once

#include <stdexcept>
#include <string>

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

/// Prints "error: ..." (and "hint: ...") to stderr, with the program name.
void print_error(const char* program, const Error& e);

/// An error for a failed system call: `what` and the cause in words (errno `err`),
/// with a hint for the causes a user can act on (disk full, limits, read-only).
Error errno_error(int err, const std::string& what);

/// Turns the exception in flight (Xapian, Failure, std) into an Error. Call inside a
/// catch block. The one place where Xapian's exceptions get their hints.
Error current_exception_error(const std::string& db_path);

}  // namespace newsfacet
