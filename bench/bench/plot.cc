#include "plot.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace newsfacet::bench {
namespace {

// Just enough JSON to read the benchmark's own result files back.
struct Value {
    enum class Kind { null, number, string, array, object, boolean } kind = Kind::null;
    double number = 0;
    std::string str;
    std::vector<Value> items;
    std::map<std::string, Value> members;
    const Value& operator[](const std::string& k) const {
        static const Value none;
        auto it = members.find(k);
        return it == members.end() ? none : it->second;
    }
};

class Parser {
  public:
    explicit Parser(const std::string& s) : s_(s) {}
    Value parse() {
        Value v = value();
        return v;
    }

  private:
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
            ++i_;
    }
    [[noreturn]] void fail() { throw std::runtime_error("malformed JSON at byte " + std::to_string(i_)); }
    std::string string() {
        std::string out;
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                ++i_;
                const char c = s_[i_];
                if (c == 'n')
                    out.push_back('\n');
                else if (c == 't')
                    out.push_back('\t');
                else if (c == 'u') {
                    i_ += 4;  // labels are ASCII; an escaped code point is not needed here
                    out.push_back('?');
                } else
                    out.push_back(c);
            } else {
                out.push_back(s_[i_]);
            }
            ++i_;
        }
        if (i_ >= s_.size()) fail();
        ++i_;
        return out;
    }
    Value value() {
        ws();
        if (i_ >= s_.size()) fail();
        Value v;
        const char c = s_[i_];
        if (c == '{') {
            v.kind = Value::Kind::object;
            ++i_;
            ws();
            if (i_ < s_.size() && s_[i_] == '}') return ++i_, v;
            while (true) {
                ws();
                if (i_ >= s_.size() || s_[i_] != '"') fail();
                std::string k = string();
                ws();
                if (i_ >= s_.size() || s_[i_] != ':') fail();
                ++i_;
                v.members[k] = value();
                ws();
                if (i_ < s_.size() && s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (i_ < s_.size() && s_[i_] == '}') {
                    ++i_;
                    break;
                }
                fail();
            }
        } else if (c == '[') {
            v.kind = Value::Kind::array;
            ++i_;
            ws();
            if (i_ < s_.size() && s_[i_] == ']') return ++i_, v;
            while (true) {
                v.items.push_back(value());
                ws();
                if (i_ < s_.size() && s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (i_ < s_.size() && s_[i_] == ']') {
                    ++i_;
                    break;
                }
                fail();
            }
        } else if (c == '"') {
            v.kind = Value::Kind::string;
            v.str = string();
        } else if (s_.compare(i_, 4, "true") == 0 || s_.compare(i_, 5, "false") == 0 ||
                   s_.compare(i_, 4, "null") == 0) {
            v.kind = s_[i_] == 'n' ? Value::Kind::null : Value::Kind::boolean;
            v.number = s_[i_] == 't';
            i_ += s_[i_] == 'f' ? 5 : 4;
        } else {
            v.kind = Value::Kind::number;
            std::size_t used = 0;
            v.number = std::stod(s_.substr(i_, 32), &used);
            i_ += used;
        }
        return v;
    }
    const std::string& s_;
    std::size_t i_ = 0;
};

struct Point {
    double articles;
    std::string label;
    double f50, f95, f99, x50, x95, x99, n50, e99;
    double t50, t99, tf50, tf99;   ///< SQLite FTS5 top-10 and with its facet (0: not in the file)
    double db[3], rss[3];          ///< newsfacet, plain Xapian, FTS5: database MB and indexing peak RSS MB
};

// A figure for gnuplot's data file: NaN (a gap in the line) for what the file lacks.
std::string num(double x) {
    if (x <= 0) return "NaN";
    std::ostringstream o;
    o << x;
    return o.str();
}

}  // namespace

int plot_results(const std::vector<std::string>& files, const std::string& out_png) {
    std::vector<Point> pts;
    for (const auto& f : files) {
        std::ifstream in(f);
        if (!in) throw std::runtime_error("cannot read " + f);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        const Value v = Parser(text).parse();
        Point p{};
        p.articles = v["corpus"]["articles"].number;
        p.label = v["label"].str;
        const std::string clock = v["clock"].str.empty() ? "wall" : v["clock"].str;
        p.label += " (" + clock + ")";
        for (const Value& c : v["queries"]["classes_" + clock].items)
            if (c["class"].str == "all") {
                p.f50 = c["newsfacet_facets"]["p50"].number;
                p.f95 = c["newsfacet_facets"]["p95"].number;
                p.f99 = c["newsfacet_facets"]["p99"].number;
                p.x50 = c["xapian"]["p50"].number;
                p.x95 = c["xapian"]["p95"].number;
                p.x99 = c["xapian"]["p99"].number;
                p.n50 = c["newsfacet"]["p50"].number;
                p.e99 = c["xapian_exact"]["p99"].number;
                p.t50 = c["fts5"]["p50"].number;
                p.t99 = c["fts5"]["p99"].number;
                p.tf50 = c["fts5_facet"]["p50"].number;
                p.tf99 = c["fts5_facet"]["p99"].number;
            }
        const char* engines[] = {"newsfacet", "xapian", "fts5"};
        for (int e = 0; e < 3; ++e) {
            p.db[e] = v["index"][engines[e]]["db_bytes"].number / 1e6;
            p.rss[e] = v["index"][engines[e]]["peak_rss_kb"].number / 1024;
        }
        pts.push_back(p);
    }
    std::sort(pts.begin(), pts.end(), [](const Point& a, const Point& b) { return a.articles < b.articles; });
    const std::string data = out_png + ".dat";
    {
        std::ofstream d(data);
        d << "# articles f50 f95 f99 x50 x95 x99 n50 xapian_exact_p99 fts5_p50 fts5_p99 fts5_facet_p50 "
             "fts5_facet_p99 db_mb(newsfacet xapian fts5) peak_rss_mb(newsfacet xapian fts5) label\n";
        for (const Point& p : pts) {
            d << p.articles;
            for (double x : {p.f50, p.f95, p.f99, p.x50, p.x95, p.x99, p.n50, p.e99, p.t50, p.t99, p.tf50, p.tf99,
                             p.db[0], p.db[1], p.db[2], p.rss[0], p.rss[1], p.rss[2]})
                d << ' ' << num(x);
            d << " \"" << p.label << "\"\n";
        }
    }
    const std::string script = out_png + ".gp";
    {
        std::ofstream g(script);
        g << "set terminal pngcairo size 1400,560 noenhanced\n"
          << "set output '" << out_png << "'\n"
          << "set multiplot layout 1,2\n"
          << "set title 'query latency (in-process, all query classes, the clock each run chose)'\n"
          << "set logscale xy\nset grid\nset key left top font ',9'\n"
          << "set xlabel 'articles in the index'\nset ylabel 'latency (ms)'\n"
          << "plot '" << data << "' using 1:2 with linespoints lw 2 lc rgb '#9400d3' title 'newsfacet + 3 exact facets p50', \\\n"
          << "     '' using 1:3 with linespoints lc rgb '#9400d3' title 'newsfacet + 3 exact facets p95', \\\n"
          << "     '' using 1:4 with linespoints lc rgb '#9400d3' title 'newsfacet + 3 exact facets p99', \\\n"
          << "     '' using 1:8 with linespoints dt 3 lc rgb '#9400d3' title 'newsfacet, no facets p50', \\\n"
          << "     '' using 1:5 with linespoints dt 2 lw 2 lc rgb '#009e73' title 'plain Xapian top-10 p50', \\\n"
          << "     '' using 1:7 with linespoints dt 2 lc rgb '#009e73' title 'plain Xapian top-10 p99', \\\n"
          << "     '' using 1:9 with linespoints dt 4 lc rgb '#009e73' title 'plain Xapian exact count p99', \\\n"
          << "     '' using 1:10 with linespoints dt 1 lw 2 lc rgb '#0072b2' title 'SQLite FTS5 top-10 p50', \\\n"
          << "     '' using 1:11 with linespoints dt 1 lc rgb '#0072b2' title 'SQLite FTS5 top-10 p99', \\\n"
          << "     '' using 1:12 with linespoints dt 5 lw 2 lc rgb '#0072b2' title 'FTS5 + month facet p50', \\\n"
          << "     '' using 1:13 with linespoints dt 5 lc rgb '#0072b2' title 'FTS5 + month facet p99'\n"
          << "set title 'database size and indexing peak RSS'\nset ylabel 'MB'\n"
          << "plot '" << data << "' using 1:14 with linespoints lw 2 lc rgb '#9400d3' title 'newsfacet database', \\\n"
          << "     '' using 1:15 with linespoints lw 2 lc rgb '#009e73' title 'plain Xapian database', \\\n"
          << "     '' using 1:16 with linespoints lw 2 lc rgb '#0072b2' title 'FTS5 database', \\\n"
          << "     '' using 1:17 with linespoints dt 2 lc rgb '#9400d3' title 'newsfacet-index peak RSS', \\\n"
          << "     '' using 1:18 with linespoints dt 2 lc rgb '#009e73' title 'plain Xapian indexer peak RSS', \\\n"
          << "     '' using 1:19 with linespoints dt 2 lc rgb '#0072b2' title 'FTS5 indexer peak RSS'\n"
          << "unset multiplot\n";
    }
    const std::string cmd = "gnuplot '" + script + "'";
    const int rc = std::system(cmd.c_str());
    if (rc != 0) {
        std::fprintf(stderr, "newsfacet-bench: gnuplot failed (is gnuplot installed?); the script is %s\n",
                     script.c_str());
        return 1;
    }
    std::printf("wrote %s (data %s, script %s)\n", out_png.c_str(), data.c_str(), script.c_str());
    return 0;
}

}  // namespace newsfacet::bench
