// Reading Reuters-21578 SGML: shared by newsfacet-eval (reuters) and newsfacet-bench
// (its corpus reader), so that both see the same text.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

// The SGML entities Reuters uses (&lt; &gt; &amp; &#N;); control characters such as
// the &#3; end-of-text marker are dropped.
inline std::string unescape_sgml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out.push_back(s[i]);
            continue;
        }
        const std::size_t semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 8) {
            out.push_back('&');
            continue;
        }
        const std::string_view ent = s.substr(i + 1, semi - i - 1);
        if (ent == "lt")
            out.push_back('<');
        else if (ent == "gt")
            out.push_back('>');
        else if (ent == "amp")
            out.push_back('&');
        else if (ent == "quot")
            out.push_back('"');
        else if (!ent.empty() && ent[0] == '#') {
            int n = 0;
            for (char c : ent.substr(1))
                n = c >= '0' && c <= '9' ? n * 10 + (c - '0') : -1000000;
            if (n >= 32 && n < 127)
                out.push_back(static_cast<char>(n));
            else if (n == 10 || n == 9)
                out.push_back(static_cast<char>(n));
        } else {
            out.append(s.substr(i, semi - i + 1));
        }
        i = semi;
    }
    return out;
}

}  // namespace newsfacet
