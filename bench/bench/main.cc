// newsfacet-bench: speed of indexing and searching on your own corpus, against plain
// Xapian in the same run (docs/benchmarks.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli.h"
#include "corpus.h"
#include "error.h"
#include "facet_check.h"
#include "fts5.h"
#include "measure.h"
#include "plot.h"
#include "roundtrip.h"
#include "run.h"

using namespace newsfacet;
using namespace newsfacet::bench;

namespace {

/// Options of `generate` and `convert`.
struct CorpusOptions {
    std::vector<std::string> from;
    std::string out;
    GenerateOptions gen;
};

void setup_generate(CLI::App& app, CorpusOptions& o) {
    app.add_option("--from", o.from,
                   "Source corpus: .jsonl, directory of *.txt, or the Reuters-21578 directory (repeatable)")
        ->required();
    app.add_option("--count", o.gen.count, "Articles to generate")->capture_default_str();
    app.add_option("--seed", o.gen.seed, "Random seed (the same seed and source give the same corpus)")
        ->capture_default_str();
    app.add_option("--date-from", o.gen.date_from, "Earliest publication date")->capture_default_str();
    app.add_option("--date-to", o.gen.date_to, "Latest publication date")->capture_default_str();
    app.add_option("--stay", o.gen.stay, "Probability that a paragraph continues the anchor article")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    app.add_option("--out", o.out, "Output .jsonl file")->required();
}

std::vector<BenchDoc> read_all(const std::vector<std::string>& from) {
    std::vector<BenchDoc> docs;
    for (const auto& f : from) {
        auto d = read_corpus(f);
        docs.insert(docs.end(), std::make_move_iterator(d.begin()), std::make_move_iterator(d.end()));
    }
    return docs;
}

void setup_run(CLI::App& app, RunOptions& o) {
    app.add_option("CORPUS", o.corpus, "A .jsonl file, a directory of *.txt, or the Reuters-21578 directory")
        ->required();
    app.add_option("--work", o.work, "Scratch directory for corpus.jsonl and the two databases")->required();
    app.add_option("--bin-dir", o.bin_dir,
                   "Where newsfacet-index and newsfacet-query are (default: beside this program)");
    app.add_option("--queries", o.queries_file,
                   "Read queries from a file: QUERY or CLASS<TAB>QUERY per line, # comments");
    app.add_option("--per-class", o.per_class, "Generated queries per class (word, and, phrase; each also +filter)")
        ->capture_default_str();
    app.add_option("--warmup", o.warmup, "Untimed passes over the queries first")->capture_default_str();
    app.add_option("--runs", o.runs, "Timed passes over the queries")->capture_default_str();
    app.add_option("--cold-per-class", o.cold_per_class, "Queries per class also run as one-shot processes (0: none)")
        ->capture_default_str();
    app.add_option("--cold-runs", o.cold_runs, "Runs of each one-shot query")->capture_default_str();
    app.add_option("--seed", o.seed, "Seed for the generated query set")->capture_default_str();
    app.add_option("--json", o.json_out, "Also write the results as JSON to this file");
    app.add_option("--label", o.label, "Name of the corpus in tables and plots");
    app.add_flag("--reuse-index", o.reuse_index,
                 "Keep the databases of an earlier run in --work (skip the index benchmark)");
    app.add_option("--clock", o.clock,
                   "Time shown in the tables: wall, or cpu (thread CPU time in-process, child CPU time for one-shot "
                   "processes: steadier on a busy machine); the JSON has both")
        ->check(CLI::IsMember({"wall", "cpu"}))
        ->capture_default_str();
    app.add_flag("--print-queries", o.print_queries, "List the query set");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "newsfacet-bench: indexing and query speed of newsfacet on a corpus, against plain Xapian in the same run.\n\n"
        "Exit status: 0 success; 1 runtime error, or some queries failed, or a facet count was inexact or changed "
        "between passes;\n"
        "2 usage error."};
    add_version_flag(app, "newsfacet-bench");
    app.require_subcommand(1);

    CorpusOptions gen_opts;
    CLI::App* gen = app.add_subcommand(
        "generate", "Synthetic articles recombined from a real corpus's paragraphs (deterministic per seed)");
    setup_generate(*gen, gen_opts);

    CorpusOptions conv_opts;
    CLI::App* conv =
        app.add_subcommand("convert", "Write a corpus (directory, Reuters SGML) as JSON Lines with unique ids");
    conv->add_option("--from", conv_opts.from, "Source corpus (repeatable)")->required();
    conv->add_option("--out", conv_opts.out, "Output .jsonl file")->required();

    RunOptions run_opts;
    CLI::App* run = app.add_subcommand(
        "run", "Index with newsfacet-index and plain Xapian, then time queries in-process and as one-shot processes");
    setup_run(*run, run_opts);

    std::vector<std::string> plot_files;
    std::string plot_out = "latency.png";
    CLI::App* plot =
        app.add_subcommand("plot", "PNG of latency percentiles against corpus size from run --json results");
    plot->add_option("RESULTS", plot_files, "Result files (.json)")->required();
    plot->add_option("--out", plot_out, "PNG to write")->capture_default_str();

    std::string digest_db;
    CLI::App* digest =
        app.add_subcommand("digest",
                           "A checksum of a database's contents (terms, wdf, positions, values, data per document), "
                           "to check that a change to the indexer writes the same database");
    digest->add_option("DB", digest_db)->required();

    FacetCheckOptions fc_opts;
    CLI::App* fc = app.add_subcommand(
        "facets",
        "Check every value of every facet and level: -f NAME[:LEVEL]=VALUE accepts it and selects as many "
        "documents as the facet counted (exit 1 otherwise)");
    fc->add_option("DB", fc_opts.db)->required();
    fc->add_flag("--quotes", fc_opts.quotes, "Check the facets of quote documents");
    fc->add_option("--max-values", fc_opts.max_values, "Values checked per facet (0: all)")->capture_default_str();

    RoundtripOptions rt_opts;
    bool rt_no_literal = false;
    CLI::App* rt = app.add_subcommand(
        "roundtrip",
        "Index each INPUT, then type every whitespace token of every article (outer punctuation stripped) as a query "
        "restricted to its article, and count how many find it");
    rt->add_option("INPUT", rt_opts.inputs, "What newsfacet-index reads: a directory, .jsonl or Reuters .sgm files")
        ->required();
    rt->add_option("--work", rt_opts.work, "Scratch directory for one database per input")->required();
    rt->add_option("--bin-dir", rt_opts.bin_dir, "Where newsfacet-index is (default: beside this program)");
    rt->add_flag("--no-literal-words", rt_no_literal,
                 "Parse with QueryParser alone, without matching words as the indexer split them (the figure before)");
    rt->add_flag("--reuse-index", rt_opts.reuse_index, "Keep the databases of an earlier run in --work");
    rt->add_option("--show", rt_opts.show, "Misses and syntax errors listed per input")->capture_default_str();
    rt->add_option("--min", rt_opts.min_percent, "Exit 1 when fewer tokens than this percentage find their article")
        ->check(CLI::Range(0.0, 100.0));

    std::string xi_db, xi_input;
    CLI::App* xi =
        app.add_subcommand("xapian-index", "(internal) the plain-Xapian baseline indexer, run as a child by 'run'");
    xi->add_option("--db", xi_db)->required();
    xi->add_option("INPUT", xi_input)->required();
    xi->group("");

    std::string fi_db, fi_input;
    CLI::App* fi =
        app.add_subcommand("fts5-index", "(internal) the SQLite FTS5 baseline indexer, run as a child by 'run'");
    fi->add_option("--db", fi_db)->required();
    fi->add_option("INPUT", fi_input)->required();
    fi->group("");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        print_error("newsfacet-bench",
                    {kExitUsage, e.what(), "run 'newsfacet-bench --help' (or 'newsfacet-bench SUBCOMMAND --help')"});
        return kExitUsage;
    }
    try {
        if (*gen) {
            const auto src = read_all(gen_opts.from);
            const auto docs = generate(src, gen_opts.gen);
            write_jsonl(docs, gen_opts.out);
            std::printf("wrote %zu articles (%.1f MB) to %s from %zu source articles\n", docs.size(),
                        static_cast<double>(corpus_bytes(docs)) / 1e6, gen_opts.out.c_str(), src.size());
            return kExitOk;
        }
        if (*conv) {
            const auto docs = read_all(conv_opts.from);
            write_jsonl(docs, conv_opts.out);
            std::printf("wrote %zu articles (%.1f MB) to %s\n", docs.size(),
                        static_cast<double>(corpus_bytes(docs)) / 1e6, conv_opts.out.c_str());
            return kExitOk;
        }
        if (*run) {
            if (run_opts.bin_dir.empty()) run_opts.bin_dir = self_dir();
            return run_bench(run_opts);
        }
        if (*plot) return plot_results(plot_files, plot_out);
        if (*digest) {
            std::printf("%s\n", database_digest(digest_db).c_str());
            return kExitOk;
        }
        if (*fc) return facet_check(fc_opts);
        if (*rt) {
            if (rt_opts.bin_dir.empty()) rt_opts.bin_dir = self_dir();
            rt_opts.literal_words = !rt_no_literal;
            return roundtrip(rt_opts);
        }
        if (*xi) return plain_index(xi_db, xi_input);
        if (*fi) return fts5_index(fi_db, fi_input);
    } catch (const Failure& f) {
        print_error("newsfacet-bench", f.error());
        return f.error().code;
    } catch (const std::exception& e) {
        print_error("newsfacet-bench", {kExitRuntime, e.what(), ""});
        return kExitRuntime;
    }
    return kExitOk;
}
