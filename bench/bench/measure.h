// Measuring: child processes with their resource usage, latency percentiles, the
// machine's description.
#pragma once

#include <string>
#include <vector>

namespace newsfacet::bench {

/// What one child process cost.
struct ChildStats {
    int exit_status = -1;  ///< exit code, or -1 when killed by a signal
    double wall_s = 0, user_s = 0, sys_s = 0;
    long max_rss_kb = 0;  ///< peak resident set size of the child (getrusage via wait4)
};

/// Runs argv[0] with arguments argv (found through PATH when it has no '/'), stdout and
/// stderr sent to /dev/null unless `keep_stderr`; waits and returns its usage.
ChildStats run_process(const std::vector<std::string>& argv, bool keep_stderr = false);

/// Latency summary in milliseconds.
struct Percentiles {
    std::size_t n = 0;
    double p50 = 0, p95 = 0, p99 = 0, mean = 0, max = 0;
};

/// Nearest-rank percentiles of `ms` (sorted in place).
Percentiles percentiles(std::vector<double>& ms);

/// Total size of the files under a directory, in bytes.
unsigned long long dir_bytes(const std::string& dir);

/// "N cores, M GiB, <cpu model>" from sysconf and /proc.
struct Machine {
    long cores = 0;
    double mem_gib = 0;
    std::string cpu;
    std::string kernel;
};
Machine describe_machine();

/// The directory of the running executable (where the other newsfacet binaries are).
std::string self_dir();

}  // namespace newsfacet::bench
