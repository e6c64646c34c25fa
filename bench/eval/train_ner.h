// newsfacet-eval train-ner: trains extract/tagger's model from CoNLL-2003 (train_ner.cc).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace newsfacet::eval {

/// What train-ner reads, writes and how long it trains.
struct TrainNerOptions {
    std::string train;                 ///< CoNLL-2003 training file
    std::string dev;                   ///< optional CoNLL file to report F1 on after each epoch
    std::string out;                   ///< model file to write (data/ner-model.bin)
    std::size_t epochs = 10;           ///< passes over the training data
    std::size_t min_count = 1;         ///< features seen fewer times are not learnt
    std::size_t max_features = 75000;  ///< keep at most this many features (largest weights)
    float min_weight = 0.0f;           ///< drop features whose largest |weight| is smaller
    std::string command;               ///< the command line, recorded in the model header
};

/// Trains and writes the model; returns the exit status (0 ok, 1 unreadable or unwritable).
int train_ner(const TrainNerOptions& o, std::ostream& out);

/// Prints the tagger's entities in a text file ("PER\tJohn Smith"); 1 when unreadable.
int print_tags(const std::string& path, std::ostream& out);

}  // namespace newsfacet::eval
