// newsfacet-eval train-ner: trains the entity tagger (extract/tagger.h) from a CoNLL-2003
// file and writes data/ner-model.bin. An averaged structured perceptron with Viterbi
// decoding, over the same tokenizer and features the indexer runs; deterministic (fixed
// shuffling seed), so the same command on the same data gives the same model.
#include "train_ner.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <random>
#include <sstream>
#include <unordered_map>

#include "ner_eval.h"
#include "tagger.h"

namespace newsfacet::eval {
namespace {

using ner::kTags;

// A document ready for training: its features as indices into the weight table (-1:
// unknown feature) and its gold tags, per token.
struct Prepared {
    std::vector<std::int32_t> feats;
    std::vector<std::uint32_t> offsets;
    std::vector<int> gold;
    std::vector<std::pair<std::size_t, std::size_t>> seqs;
};

// Gold tags on the tagger's own tokens: the tokens inside a gold entity's bytes.
std::vector<int> align(const ConllDoc& d, const ConllText& ct, const std::vector<ner::Tok>& toks) {
    std::vector<int> gold(toks.size(), 0);
    for (const TokenSpan& g : bio_spans(d.tags)) {
        const int b = ner::tag_index("B-" + g.type);
        if (b < 0) continue;
        const std::size_t lo = ct.token_bytes[g.begin].begin, hi = ct.token_bytes[g.end - 1].end;
        auto it = std::lower_bound(toks.begin(), toks.end(), lo,
                                   [](const ner::Tok& t, std::size_t x) { return t.begin < x; });
        bool first = true;
        for (; it != toks.end() && it->begin < hi; ++it) {
            gold[static_cast<std::size_t>(it - toks.begin())] = first ? b : b + 1;
            first = false;
        }
    }
    return gold;
}

struct Doc {
    ner::Features f;
    std::vector<int> gold;
    std::vector<std::pair<std::size_t, std::size_t>> seqs;
};

std::vector<Doc> load(const std::string& path, std::ostream& out, bool& ok) {
    std::ifstream in(path);
    std::vector<Doc> docs;
    ok = static_cast<bool>(in);
    if (!ok) {
        out << "newsfacet-eval train-ner: cannot read " << path << "\n";
        return docs;
    }
    for (const ConllDoc& d : read_conll(in)) {
        const ConllText ct = rebuild_text(d);
        const std::vector<ner::Tok> toks = ner::tokenize(ct.text);
        Doc x;
        x.f = ner::extract_features(ct.text, toks);
        x.gold = align(d, ct, toks);
        x.seqs = ner::sequences(toks);
        docs.push_back(std::move(x));
    }
    return docs;
}

struct Entity {
    std::size_t b, e;
    int kind;
    auto operator<=>(const Entity&) const = default;
};
std::vector<Entity> entities(const int* tags, std::size_t n) {
    std::vector<Entity> v;
    for (std::size_t i = 0; i < n; ++i) {
        if (tags[i] == 0) continue;
        const int kind = (tags[i] - 1) / 2;
        if (tags[i] % 2 == 1 || v.empty() || v.back().kind != kind || v.back().e != i)
            v.push_back({i, i + 1, kind});
        else
            v.back().e = i + 1;
    }
    return v;
}

class Trainer {
  public:
    explicit Trainer(std::size_t nfeat)
        : w_(nfeat * kTags, 0), u_(nfeat * kTags, 0), tw_((kTags + 1) * kTags, 0), tu_((kTags + 1) * kTags, 0) {}

    void emissions(const std::int32_t* f, std::size_t n, float* em, const std::vector<float>& w) const {
        for (std::size_t k = 0; k < n; ++k) {
            if (f[k] < 0) continue;
            const float* r = &w[static_cast<std::size_t>(f[k]) * kTags];
            for (int t = 0; t < kTags; ++t)
                em[t] += r[t];
        }
    }

    // One sequence: decode with the current weights, update towards gold.
    void learn(const Prepared& p, std::size_t b, std::size_t e) {
        const std::size_t n = e - b;
        em_.assign(n * kTags, 0.0f);
        for (std::size_t i = b; i < e; ++i)
            emissions(&p.feats[p.offsets[i]], p.offsets[i + 1] - p.offsets[i], &em_[(i - b) * kTags], w_);
        pred_.resize(n);
        ner::viterbi(em_.data(), n, tw_.data(), pred_.data());
        for (std::size_t i = 0; i < n; ++i) {
            const int g = p.gold[b + i], y = pred_[i];
            if (g != y)
                for (std::uint32_t k = p.offsets[b + i]; k < p.offsets[b + i + 1]; ++k) {
                    if (p.feats[k] < 0) continue;
                    const std::size_t r = static_cast<std::size_t>(p.feats[k]) * kTags;
                    bump(w_, u_, r + static_cast<std::size_t>(g), 1);
                    bump(w_, u_, r + static_cast<std::size_t>(y), -1);
                }
            const int gp = i ? p.gold[b + i - 1] : -1, yp = i ? pred_[i - 1] : -1;
            if (g != y || gp != yp) {
                bump(tw_, tu_, static_cast<std::size_t>((gp + 1) * kTags + g), 1);
                bump(tw_, tu_, static_cast<std::size_t>((yp + 1) * kTags + y), -1);
            }
        }
        ++c_;
    }

    std::vector<float> averaged(const std::vector<float>& w, const std::vector<double>& u) const {
        std::vector<float> a(w.size());
        for (std::size_t k = 0; k < w.size(); ++k)
            a[k] = static_cast<float>(w[k] - u[k] / static_cast<double>(c_));
        return a;
    }
    std::vector<float> weights() const { return averaged(w_, u_); }
    std::vector<float> transitions() const { return averaged(tw_, tu_); }

  private:
    void bump(std::vector<float>& w, std::vector<double>& u, std::size_t k, int d) {
        w[k] += static_cast<float>(d);
        u[k] += static_cast<double>(c_) * d;
    }
    std::vector<float> w_;
    std::vector<double> u_;
    std::vector<float> tw_;
    std::vector<double> tu_;
    std::uint64_t c_ = 1;
    std::vector<float> em_;
    std::vector<int> pred_;
};

// Entity-level F1 per kind (PER, LOC, ORG, MISC) of weights on prepared documents.
std::string evaluate(const std::vector<Prepared>& docs, const std::vector<float>& w, const std::vector<float>& tr,
                     const Trainer& t) {
    std::array<std::size_t, 4> tp{}, fp{}, fn{};
    std::vector<float> em;
    std::vector<int> pred;
    for (const Prepared& p : docs)
        for (const auto& [b, e] : p.seqs) {
            const std::size_t n = e - b;
            em.assign(n * kTags, 0.0f);
            for (std::size_t i = b; i < e; ++i)
                t.emissions(&p.feats[p.offsets[i]], p.offsets[i + 1] - p.offsets[i], &em[(i - b) * kTags], w);
            pred.resize(n);
            ner::viterbi(em.data(), n, tr.data(), pred.data());
            const auto ge = entities(&p.gold[b], n), pe = entities(pred.data(), n);
            for (const Entity& x : pe)
                ++(std::binary_search(ge.begin(), ge.end(), x) ? tp : fp)[static_cast<std::size_t>(x.kind)];
            for (const Entity& x : ge)
                if (!std::binary_search(pe.begin(), pe.end(), x)) ++fn[static_cast<std::size_t>(x.kind)];
        }
    std::ostringstream o;
    o << std::fixed << std::setprecision(3);
    const char* names[] = {"PER", "LOC", "ORG", "MISC"};
    for (std::size_t k = 0; k < 4; ++k) {
        const double pr = tp[k] + fp[k] ? double(tp[k]) / double(tp[k] + fp[k]) : 0;
        const double rc = tp[k] + fn[k] ? double(tp[k]) / double(tp[k] + fn[k]) : 0;
        o << names[k] << " " << (pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0.0) << "  ";
    }
    return o.str();
}

}  // namespace

int train_ner(const TrainNerOptions& o, std::ostream& out) {
    bool ok = false;
    std::vector<Doc> train = load(o.train, out, ok);
    if (!ok) return 1;
    std::vector<Doc> dev;
    if (!o.dev.empty()) {
        dev = load(o.dev, out, ok);
        if (!ok) return 1;
    }
    // The feature table: every feature hash seen in training at least min_count times.
    std::unordered_map<std::uint32_t, std::uint32_t> count;
    for (const Doc& d : train)
        for (std::uint32_t h : d.f.feats)
            ++count[h];
    std::unordered_map<std::uint32_t, std::int32_t> index;
    std::vector<std::uint32_t> hashes;
    for (const auto& [h, c] : count)
        if (c >= o.min_count) {
            index.emplace(h, static_cast<std::int32_t>(hashes.size()));
            hashes.push_back(h);
        }
    auto prepare = [&](const std::vector<Doc>& docs) {
        std::vector<Prepared> v;
        for (const Doc& d : docs) {
            Prepared p;
            p.feats.reserve(d.f.feats.size());
            for (std::uint32_t h : d.f.feats) {
                const auto it = index.find(h);
                p.feats.push_back(it == index.end() ? -1 : it->second);
            }
            p.offsets = d.f.offsets;
            p.gold = d.gold;
            p.seqs = d.seqs;
            v.push_back(std::move(p));
        }
        return v;
    };
    const std::vector<Prepared> tr = prepare(train), dv = prepare(dev);
    std::size_t nseq = 0;
    for (const Prepared& p : tr)
        nseq += p.seqs.size();
    out << "train-ner: " << tr.size() << " documents, " << nseq << " sequences, " << hashes.size() << " features of "
        << count.size() << "\n";

    std::vector<std::pair<std::size_t, std::size_t>> order;  // (document, sequence)
    for (std::size_t d = 0; d < tr.size(); ++d)
        for (std::size_t s = 0; s < tr[d].seqs.size(); ++s)
            order.emplace_back(d, s);
    Trainer t(hashes.size());
    std::mt19937 rng(20031);
    for (std::size_t epoch = 1; epoch <= o.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        for (const auto& [d, s] : order)
            t.learn(tr[d], tr[d].seqs[s].first, tr[d].seqs[s].second);
        out << "epoch " << epoch;
        if (!dv.empty()) out << "  dev F1: " << evaluate(dv, t.weights(), t.transitions(), t);
        out << "\n" << std::flush;
    }

    // Keep the features with the largest weights, at most max_features of them.
    const std::vector<float> w = t.weights();
    std::vector<std::pair<float, std::size_t>> strength;
    for (std::size_t k = 0; k < hashes.size(); ++k) {
        float m = 0;
        for (int x = 0; x < kTags; ++x)
            m = std::max(m, std::fabs(w[k * kTags + static_cast<std::size_t>(x)]));
        if (m >= o.min_weight) strength.emplace_back(m, k);
    }
    std::sort(strength.begin(), strength.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (strength.size() > o.max_features) strength.resize(o.max_features);
    std::sort(strength.begin(), strength.end(),
              [&](const auto& a, const auto& b) { return hashes[a.second] < hashes[b.second]; });
    std::vector<std::uint32_t> kept_h;
    std::vector<float> kept_w;
    for (const auto& [m, k] : strength) {
        kept_h.push_back(hashes[k]);
        for (int x = 0; x < kTags; ++x)
            kept_w.push_back(w[k * kTags + static_cast<std::size_t>(x)]);
    }
    char date[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
    std::ostringstream header;
    header << "# newsfacet entity tagger (extract/tagger.h): averaged structured perceptron over BIO tags\n"
           << "# (PER LOC ORG MISC), Viterbi decoding; " << kept_h.size() << " of " << hashes.size()
           << " features kept (largest weights), 32-bit feature hashes, int8 weights, little-endian.\n"
           << "# trained from: CoNLL-2003 English NER, train split (" << tr.size() << " documents, " << nseq
           << " sentences; Tjong Kim Sang & De Meulder 2003, Reuters RCV1 text), " << o.epochs << " epochs.\n"
           << "# command: " << o.command << "\n"
           << "# date: " << date << "\n"
           << "# licence: derived from the CoNLL-2003 annotations of Reuters RCV1 (research use); the file holds\n"
           << "# only hashed feature weights, no text of the corpus. Regenerate with the command above.\n";
    const std::string model = ner::write_model(header.str(), kept_h, kept_w, t.transitions());
    if (!dv.empty()) {
        // The quantised, pruned model as the indexer will load it.
        const ner::Model m(model);
        std::vector<float> qw(hashes.size() * kTags, 0.0f);
        for (std::size_t k = 0; k < hashes.size(); ++k) {
            std::vector<float> em(kTags, 0.0f);
            m.score(&hashes[k], 1, em.data());
            std::copy(em.begin(), em.end(), qw.begin() + static_cast<std::ptrdiff_t>(k * kTags));
        }
        out << "saved model dev F1: "
            << evaluate(dv, qw, std::vector<float>(m.transitions(), m.transitions() + (kTags + 1) * kTags), t) << "\n";
    }
    std::ofstream f(o.out, std::ios::binary);
    f << model;
    if (!f) {
        out << "newsfacet-eval train-ner: cannot write " << o.out << "\n";
        return 1;
    }
    out << "wrote " << o.out << ": " << model.size() << " bytes, " << kept_h.size() << " features\n";
    return 0;
}

int print_tags(const std::string& path, std::ostream& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        out << "newsfacet-eval tag: cannot read " << path << "\n";
        return 1;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    static const char* kinds[] = {"PER", "LOC", "ORG", "MISC"};
    for (const TaggedEntity& e : tag_entities(text))
        out << kinds[static_cast<int>(e.kind)] << '\t' << text.substr(e.span.begin, e.span.end - e.span.begin) << '\n';
    return 0;
}

}  // namespace newsfacet::eval
