// The shared shape of newsfacet's command-line programs: parse, run, and turn every
// failure into "error:"/"hint:" lines and a documented exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "error.h"
#include "version.h"

namespace newsfacet {

/// Adds --version (program, schema, JSON format and library versions; exit 0).
inline void add_version_flag(CLI::App& app, const char* program) {
    app.set_version_flag(
        "--version", [program] { return version_text(program); },
        "Print the versions of the program, database schema, JSON format and the libraries it links, and exit");
}

/// A closed choice for an option: the names map to enum values (CLI11's
/// CheckedTransformer, case ignored). --help shows them (ENUM:{text,json}, which the
/// bash completion reads); any other value, a number too, is refused with the list
/// ("--format: xml is not one of: text, json").
template <class E>
CLI::Validator choice(const std::vector<std::pair<std::string, E>>& names) {
    std::string braces, list;
    for (const auto& [n, _] : names) {
        braces += (braces.empty() ? "" : ",") + n;
        list += (list.empty() ? "" : ", ") + n;
    }
    const CLI::Validator to_enum = CLI::CheckedTransformer(names, CLI::ignore_case);
    return CLI::Validator(
        [names, list, to_enum](std::string& value) {
            const bool named = std::any_of(names.begin(), names.end(),
                                           [&](const auto& n) { return CLI::detail::to_lower(value) == n.first; });
            if (!named || !to_enum(value).empty()) return value + " is not one of: " + list;
            return std::string();
        },
        "{" + braces + "}");
}

/// The program name std::terminate reports under (set by run_command).
inline const char* terminate_program = "newsfacet";

/// Last resort for an exception that escaped (from a destructor, a noexcept function
/// or a thread): the same "error:" line and exit status 1 as any runtime error, not
/// "terminate called ..." and an abort. Out of memory (ulimit -v) is the usual cause.
[[noreturn]] inline void on_terminate() {
    Error e{kExitRuntime, "internal error: the program stopped on an unexpected condition", ""};
    if (std::exception_ptr p = std::current_exception()) {
        try {
            std::rethrow_exception(p);
        } catch (...) {
            e = current_exception_error("");
        }
    }
    print_error(terminate_program, e);
    std::_Exit(e.code == kExitOk ? kExitRuntime : e.code);
}

/// Parses argv into `app`'s options, then calls `run`. Help exits 0, a bad command
/// line 2 with a hint, and an exception from `run` the status its Error carries
/// (`db_path` names the database in messages about it).
inline int run_command(CLI::App& app, int argc, char** argv, const char* program, const std::function<int()>& run,
                       const std::function<std::string()>& db_path) {
    // Past the file-size limit (ulimit -f) a write fails with EFBIG, which is
    // reported with its cause, instead of SIGXFSZ killing the process silently.
    std::signal(SIGXFSZ, SIG_IGN);
    terminate_program = program;
    std::set_terminate(on_terminate);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        print_error(program, {kExitUsage, e.what(), std::string("run '") + program + " --help' for the options"});
        return kExitUsage;
    }
    try {
        return run();
    } catch (...) {
        const Error e = current_exception_error(db_path());
        print_error(program, e);
        return e.code;
    }
}

}  // namespace newsfacet
