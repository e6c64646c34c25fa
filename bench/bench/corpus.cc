#include "corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "article.h"
#include "dates.h"
#include "json.h"
#include "reader.h"
#include "reuters.h"

namespace fs = std::filesystem;

namespace newsfacet::bench {
namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void read_reuters(const std::vector<std::string>& files, std::vector<BenchDoc>& out) {
    for (const auto& f : files) {
        // The same stories newsfacet-index reads from *.sgm (indexer/reuters.h): the
        // title, then the dateline and the body.
        for (ReutersStory& st : parse_reuters_sgml(latin1_to_utf8(slurp(f)))) {
            // Stories without a body are wire headlines only; they are not articles.
            if (!st.has_body || st.body.empty()) continue;
            BenchDoc d;
            d.id = "reuters-" + st.newid;
            d.title = st.title;
            d.body = st.dateline.empty() ? st.body : st.dateline + " " + st.body;
            if (st.date) d.date = iso_day(*st.date);
            out.push_back(std::move(d));
        }
    }
}

void read_jsonl_file(const fs::path& p, std::vector<BenchDoc>& out) {
    std::ifstream in(p);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::string line;
    std::size_t lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto obj = parse_json_members(line, {"id", "title", "body", "text", "date", "published"});
        if (!obj) continue;
        auto get = [&](const char* k) {
            auto it = obj->find(k);
            return it == obj->end() ? std::string() : it->second;
        };
        BenchDoc d;
        d.id = get("id");
        if (d.id.empty()) d.id = p.stem().string() + "-" + std::to_string(lineno);
        d.title = get("title");
        d.body = get("body").empty() ? get("text") : get("body");
        d.date = get("date").empty() ? get("published") : get("date");
        if (d.date.size() > 10) d.date.resize(10);
        out.push_back(std::move(d));
    }
}

}  // namespace

std::vector<std::string> sgm_files(const std::string& dir) {
    std::vector<std::string> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".sgm") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<BenchDoc> read_corpus(const std::string& path) {
    std::vector<BenchDoc> out;
    const fs::path p(path);
    if (!fs::exists(p)) throw std::runtime_error(path + ": no such file or directory");
    if (fs::is_regular_file(p)) {
        if (p.extension() == ".jsonl")
            read_jsonl_file(p, out);
        else
            throw std::runtime_error(path + ": expected a .jsonl file or a directory");
    } else {
        if (const std::vector<std::string> sgm = sgm_files(path); !sgm.empty()) {
            read_reuters(sgm, out);
        } else {
            // The indexer's own reader: the same decoding, headline detection and
            // manifest dates as newsfacet-index applies to a directory.
            ReadOptions ro;
            read_inputs(
                {path}, ro,
                [&](Article& a) {
                    BenchDoc d;
                    std::string rel = a.path;
                    const std::size_t colon = rel.rfind(".jsonl:");
                    if (colon == std::string::npos) {
                        rel = fs::relative(fs::path(a.path), p).replace_extension().generic_string();
                        std::replace(rel.begin(), rel.end(), '/', '-');
                        d.id = rel;
                    } else {
                        d.id = a.id;
                    }
                    if (!a.title_from_text) d.title = a.title;
                    d.body = a.title_from_text ? a.text : a.text.substr(std::min(a.body_begin, a.text.size()));
                    if (a.published) d.date = iso_day(*a.published);
                    out.push_back(std::move(d));
                },
                [](const std::string&, const InputOutcome&) {});
            std::sort(out.begin(), out.end(), [](const BenchDoc& x, const BenchDoc& y) { return x.id < y.id; });
        }
    }
    if (out.empty()) throw std::runtime_error(path + ": no articles found");
    return out;
}

void write_jsonl(const std::vector<BenchDoc>& docs, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path);
    std::string line;
    for (const BenchDoc& d : docs) {
        line = "{\"id\":";
        json_string(line, d.id);
        line += ",\"title\":";
        json_string(line, d.title);
        line += ",\"body\":";
        json_string(line, d.body);
        if (!d.date.empty()) {
            line += ",\"date\":";
            json_string(line, d.date);
        }
        line += "}\n";
        out << line;
    }
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::uint64_t corpus_bytes(const std::vector<BenchDoc>& docs) {
    std::uint64_t n = 0;
    for (const BenchDoc& d : docs)
        n += d.title.size() + d.body.size();
    return n;
}

std::vector<BenchDoc> generate(const std::vector<BenchDoc>& source, const GenerateOptions& opts) {
    // Paragraphs of every source article, in order, so that an article can be continued.
    struct Para {
        std::size_t begin, end;  // into the source article's body
    };
    std::vector<std::vector<Para>> paras(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        const std::string& b = source[i].body;
        std::size_t p = 0;
        while (p < b.size()) {
            std::size_t e = b.find('\n', p);
            if (e == std::string::npos) e = b.size();
            if (b.find_first_not_of(" \t\r", p) < e) paras[i].push_back({p, e});
            p = e + 1;
        }
    }
    std::vector<std::size_t> usable;
    for (std::size_t i = 0; i < source.size(); ++i)
        if (!paras[i].empty()) usable.push_back(i);
    if (usable.empty()) throw std::runtime_error("the source corpus has no text to recombine");

    const auto from = parse_partial_date(opts.date_from), to = parse_partial_date(opts.date_to);
    if (!from || !to) throw std::runtime_error("--date-from/--date-to must be YYYY-MM-DD");
    const long d0 = days_from_civil(from->ymd), d1 = days_from_civil(to->ymd);
    if (d1 < d0) throw std::runtime_error("--date-to is before --date-from");

    Rng rng(opts.seed);
    std::vector<BenchDoc> out;
    out.reserve(opts.count);
    for (std::size_t n = 0; n < opts.count; ++n) {
        // The anchor article gives the headline, the length (its paragraph count) and
        // most paragraphs in their order; the others come from random articles.
        const std::size_t anchor = usable[rng.below(usable.size())];
        const std::vector<Para>& ap = paras[anchor];
        BenchDoc d;
        char id[32];
        std::snprintf(id, sizeof id, "syn-%08zu", n);
        d.id = id;
        d.title = source[anchor].title;
        std::size_t next_in_anchor = 0;
        for (std::size_t k = 0; k < ap.size(); ++k) {
            const BenchDoc* src;
            Para para;
            if (k == 0 || rng.unit() < opts.stay) {
                src = &source[anchor];
                para = ap[std::min(next_in_anchor++, ap.size() - 1)];
            } else {
                const std::size_t other = usable[rng.below(usable.size())];
                src = &source[other];
                para = paras[other][rng.below(paras[other].size())];
            }
            if (!d.body.empty()) d.body += "\n\n";
            d.body.append(src->body, para.begin, para.end - para.begin);
        }
        d.date = iso_day(civil_from_days(d0 + static_cast<long>(rng.below(static_cast<std::size_t>(d1 - d0 + 1)))));
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace newsfacet::bench
