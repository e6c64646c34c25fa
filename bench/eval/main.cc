// newsfacet-eval: measures extraction against gold data (see docs/eval.md).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli.h"
#include "eval.h"
#include "train_ner.h"

int main(int argc, char** argv) {
    using namespace newsfacet::eval;
    CLI::App app{
        "newsfacet-eval: score newsfacet's extractors against gold annotations.\n"
        "Exit status: 0 success, 1 unreadable input, 2 usage error."};
    newsfacet::add_version_flag(app, "newsfacet-eval");
    app.require_subcommand(1);
    EvalOptions o;
    auto add = [&](const char* name, const char* what, const char* path_help) {
        CLI::App* sub = app.add_subcommand(name, what);
        sub->add_option("PATH", o.path, path_help)->required();
        sub->add_flag("--json", o.json, "Print one JSON object with the figures");
        sub->add_option("--errors", o.errors, "List N misses and N false alarms with context");
        sub->add_option("--limit", o.limit, "Evaluate at most N documents (0 = all)");
        return sub;
    };
    auto* conll =
        add("conll", "CoNLL-2003 NER file: PER and LOC precision/recall/F1", "CoNLL-2003 file (e.g. valid.txt)");
    auto* tempeval = add("tempeval", "TimeML .tml files: DATE detection and normalisation", "directory of .tml files");
    auto* polnear =
        add("polnear", "PolNeAR brat folders: direct quotes and speaker accuracy", "PolNeAR split directory");
    auto* reuters = add("reuters", "Reuters-21578 .sgm: document-level places and people", "directory of reut2-*.sgm");
    TrainNerOptions t;
    CLI::App* train = app.add_subcommand(
        "train-ner", "Train the entity tagger from a CoNLL-2003 file and write its model (data/ner-model.bin)");
    train->add_option("TRAIN", t.train, "CoNLL-2003 training file (train.txt)")->required();
    train->add_option("--out", t.out, "Model file to write")->required();
    train->add_option("--dev", t.dev, "CoNLL file to report F1 on after each epoch (not used for training)");
    train->add_option("--epochs", t.epochs, "Passes over the training data")->capture_default_str();
    train->add_option("--min-count", t.min_count, "Learn only features seen at least N times")->capture_default_str();
    train->add_option("--max-features", t.max_features, "Keep at most N features, the largest weights")
        ->capture_default_str();
    std::string tag_path;
    CLI::App* tag = app.add_subcommand("tag", "Print the entity tagger's names in a text file, one a line");
    tag->add_option("FILE", tag_path, "Plain-text file")->required();
    for (int i = 0; i < argc; ++i) {
        if (i) t.command += ' ';
        t.command += i == 0 ? std::string("newsfacet-eval") : std::string(argv[i]);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (train->parsed()) return train_ner(t, std::cout);
    if (tag->parsed()) return print_tags(tag_path, std::cout);
    if (conll->parsed()) return eval_conll(o, std::cout);
    if (tempeval->parsed()) return eval_tempeval(o, std::cout);
    if (polnear->parsed()) return eval_polnear(o, std::cout);
    if (reuters->parsed()) return eval_reuters(o, std::cout);
    return 2;
}
