// Reading the embedded reference-data files (data/*.tsv) and other line formats.
#pragma once

#include <string_view>
#include <vector>

namespace newsfacet {

/// The data lines of a text: one view per line, a trailing CR removed, blank lines and
/// '#' comment lines (the provenance headers of data/*.tsv) left out. The views point
/// into `text`.
inline std::vector<std::string_view> data_lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t p = 0;
    while (p < text.size()) {
        std::size_t e = text.find('\n', p);
        if (e == std::string_view::npos) e = text.size();
        std::string_view l = text.substr(p, e - p);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (!l.empty() && l.front() != '#') out.push_back(l);
        p = e + 1;
    }
    return out;
}

}  // namespace newsfacet
