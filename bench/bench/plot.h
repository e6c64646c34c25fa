// newsfacet-bench plot: query latency percentiles against corpus size (gnuplot).
#pragma once

#include <string>
#include <vector>

namespace newsfacet::bench {

/// Reads result files written by `newsfacet-bench run --json`, writes OUT.dat and
/// OUT.gp beside the PNG and runs gnuplot. Returns the exit status.
int plot_results(const std::vector<std::string>& files, const std::string& out_png);

}  // namespace newsfacet::bench
