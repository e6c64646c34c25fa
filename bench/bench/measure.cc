#include "measure.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

namespace fs = std::filesystem;

namespace newsfacet::bench {

ChildStats run_process(const std::vector<std::string>& argv, bool keep_stderr) {
    ChildStats st;
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) return st;
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        if (devnull >= 0) {
            ::dup2(devnull, 1);
            if (!keep_stderr) ::dup2(devnull, 2);
        }
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    struct rusage ru {};
    while (::wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) return st;
    }
    st.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    st.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    st.user_s = static_cast<double>(ru.ru_utime.tv_sec) + static_cast<double>(ru.ru_utime.tv_usec) / 1e6;
    st.sys_s = static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) / 1e6;
    st.max_rss_kb = ru.ru_maxrss;
    return st;
}

Percentiles percentiles(std::vector<double>& ms) {
    Percentiles p;
    p.n = ms.size();
    if (ms.empty()) return p;
    std::sort(ms.begin(), ms.end());
    auto rank = [&](double q) {
        const auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(ms.size())));
        return ms[std::min(ms.size() - 1, r == 0 ? 0 : r - 1)];
    };
    p.p50 = rank(0.50);
    p.p95 = rank(0.95);
    p.p99 = rank(0.99);
    p.max = ms.back();
    p.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    return p;
}

unsigned long long dir_bytes(const std::string& dir) {
    unsigned long long n = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) n += e.file_size(ec);
    return n;
}

Machine describe_machine() {
    Machine m;
    m.cores = ::sysconf(_SC_NPROCESSORS_ONLN);
    m.mem_gib = static_cast<double>(::sysconf(_SC_PHYS_PAGES)) * static_cast<double>(::sysconf(_SC_PAGESIZE)) /
                (1024.0 * 1024 * 1024);
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) {
            const std::size_t c = line.find(':');
            if (c != std::string::npos) m.cpu = line.substr(c + 2);
            break;
        }
    struct utsname u {};
    if (::uname(&u) == 0) m.kernel = std::string(u.sysname) + " " + u.release;
    return m;
}

std::string self_dir() {
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : p.parent_path().string();
}

}  // namespace newsfacet::bench
