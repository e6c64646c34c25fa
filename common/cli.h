// The shared shape of newsfacet's command-line programs: parse, run, and turn every
// failure into "error:"/"hint:" lines and a documented exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "error.h"
#include "version.h"

namespace newsfacet {

/// Adds --version (program, schema, JSON format, Xapian and ICU versions; exit 0).
inline void add_version_flag(CLI::App& app, const char* program) {
    app.set_version_flag(
        "--version", [program] { return version_text(program); },
        "Print the versions of the program, database schema, JSON format, Xapian and ICU, and exit");
}

/// Parses argv into `app`'s options, then calls `run`. Help exits 0, a bad command
/// line 2 with a hint, and an exception from `run` the status its Error carries
/// (`db_path` names the database in messages about it).
inline int run_command(CLI::App& app, int argc, char** argv, const char* program, const std::function<int()>& run,
                       const std::function<std::string()>& db_path) {
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
