#include "facets.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <tuple>

#include "database.h"
#include "dates.h"
#include "error.h"
#include "facet_columns.h"
#include "fields.h"
#include "gazetteer.h"
#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

// Buckets a date value for a facet: published slots hold YYYYMMDD, mentioned slots
// ISO values at their own granularity. A facet at one level lists buckets of that
// level only: a value vaguer than the level ("2020" or "2020-Q1" in a month facet,
// "2020-03" in a day facet) is counted at the coarser levels, not listed as a bucket
// of its own, because selecting such a label would select every mention inside it
// and so give another count. Returns "" for a value the facet does not list.
std::string bucket(std::string_view v, const std::string& level) {
    std::string iso;
    if (v.size() == 8 && v.find('-') == std::string_view::npos)
        iso = std::string(v.substr(0, 4)) + "-" + std::string(v.substr(4, 2)) + "-" + std::string(v.substr(6, 2));
    else
        iso = std::string(v);
    const Granularity want = level == "year"  ? Granularity::year
                             : level == "day" ? Granularity::day
                                              : Granularity::month;  // the default
    Ymd first{}, last{};
    if (auto pd = parse_partial_date(iso)) {
        first = pd->first_day();
        last = pd->last_day();
    } else if (auto range = value_day_range(iso)) {
        // Weeks, quarters, seasons, decades: the bucket that contains them whole.
        std::tie(first, last) = *range;
    } else {
        return std::string();
    }
    const std::string f = iso_day(first), l = iso_day(last);
    const std::size_t n = want == Granularity::year ? 4 : want == Granularity::month ? 7 : 10;
    if (f.substr(0, n) != l.substr(0, n)) return std::string();
    return f.substr(0, n);
}

bool is_date_facet(const std::string& n) {
    const Field* f = find_facet(n);
    return f && f->kind == FieldKind::date;
}

}  // namespace

Result<FacetRequest> parse_facet_request(const std::string& spec) {
    FacetRequest r;
    const std::size_t colon = spec.find(':');
    r.name = spec.substr(0, colon);
    if (colon != std::string::npos) r.level = spec.substr(colon + 1);
    if (const Field* f = find_facet(r.name)) r.name = std::string(f->facet);  // "date" is "published"
    unsigned slot = 0;
    if (!facet_slot(r, slot)) {
        std::string names;
        for (const Field& f : kFields) {
            if (f.facet.empty()) continue;
            std::string levels;
            for (const FacetLevel& l : f.levels)
                if (!l.name.empty()) levels += "|:" + std::string(l.name);
            names += (names.empty() ? "" : ", ") + std::string(f.facet) +
                     (levels.empty() ? "" : "[" + levels.substr(1) + "]");
        }
        return Error{kExitUsage, "unknown facet \"" + spec + "\": facets are " + names, ""};
    }
    return r;
}

bool facet_slot(const FacetRequest& r, unsigned& slot) {
    const Field* f = find_facet(r.name);
    if (!f || f->facet != r.name) return false;
    if (r.level.empty()) {
        slot = static_cast<unsigned>(f->slot);
        return true;
    }
    const FacetLevel* l = find_level(*f, r.level);
    if (!l) return false;
    slot = static_cast<unsigned>(l->slot);
    return true;
}

bool filter_governs(const std::string& filter_name, const FacetRequest& r) {
    const Field* f = filter_field(filter_name);
    return f && in_list(f->governs, r.name);
}

namespace {

// Facet columns: each document's values of one slot as small integers (ordinals into
// a table of distinct values), built from the value stream once per database version
// and kept for the life of the process. Counting a match set is then a few integer
// increments per document instead of hashing strings. Building one costs about as
// much as counting one query that matches everything, so a process builds them only
// once it has counted as many documents from the value streams as the database holds
// (the ski-rental rule: at most twice the work of the better choice in hindsight). A
// one-shot newsfacet-query rarely gets there; a long-running process (a server, the
// benchmark) soon does. Counts are the same either way.
struct Column {
    std::vector<std::string> names;     // ordinal -> value (bucketed for dates)
    std::vector<std::uint32_t> starts;  // docid -> first index in ords; docid + 1 -> end
    std::vector<std::uint32_t> ords;
};

struct ColumnCache {
    std::mutex m;
    std::string db_key;                                            // the database version the columns belong to
    std::size_t streamed = 0;                                      // documents counted from value streams so far
    std::map<std::string, std::shared_ptr<const Column>> columns;  // "slot/level" -> column
};

ColumnCache& column_cache() {
    static ColumnCache c;
    return c;
}

// The most documents a column is built for (its index is docid-addressed).
constexpr Xapian::docid kMaxColumnDocid = 50'000'000;

// Where counts come from (NEWSFACET_FACET_COLUMNS, facet_columns.h).
enum class ColumnMode { automatic, off, stored };

ColumnMode column_mode() {
    const char* v = std::getenv(kFacetColumnsEnv);
    if (!v || !*v) return ColumnMode::automatic;
    const std::string m(v);
    if (m == "off") return ColumnMode::off;
    if (m == "stored") return ColumnMode::stored;
    throw Failure({kExitUsage, std::string(kFacetColumnsEnv) + "=" + m + ": not a mode", "use off or stored, or unset it"});
}

}  // namespace

FacetCounter::FacetCounter(const Xapian::Database& db, const std::vector<FacetRequest>& requests, bool quotes)
    : db_(db), quotes_(quotes) {
    for (const FacetRequest& r : requests) {
        unsigned slot = 0;
        if (!facet_slot(r, slot)) continue;
        slots_.push_back(Slot{r, slot, {}, 0, false, true, nullptr, {}, {}});
        if (const Field* f = find_facet(r.name); f && !f->lookup.empty()) slots_.back().people = people_table(db, f->name);
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enq) {
    // One spy per slot: facets of one slot at several levels (published:year and
    // published:month) share it, so a remote server reads each slot once. When every
    // slot is counted from stored columns (one local database), only the first spy
    // is given to the matcher, which calls each spy for every matched document: it
    // records the document ids for all.
    shared_docids_ = db_.size() == 1 && column_mode() != ColumnMode::off;
    for (const Slot& s : slots_)
        if (s.active && shared_docids_ && !stored_column(s.slot)) shared_docids_ = false;
    for (const Slot& s : slots_) {
        if (!s.active || spy_for(s.slot)) continue;
        spies_.push_back(std::make_unique<SlotSpy>(*this, s.slot));
        if (spies_.size() == 1 || !shared_docids_) enq.add_matchspy(spies_.back().get());
    }
}

const StoredColumn* FacetCounter::stored_column(unsigned slot) const {
    auto it = stored_.find(slot);
    if (it == stored_.end()) it = stored_.emplace(slot, StoredColumn::open(db_, slot)).first;
    return it->second.get();
}

const SlotSpy* FacetCounter::spy_for(unsigned slot) const {
    for (const auto& spy : spies_)
        if (spy->slot() == slot) return spy.get();
    return nullptr;
}

std::size_t FacetCounter::seen() const {
    return spies_.empty() ? 0 : spies_.front()->get_total();
}

void SlotSpy::operator()(const Xapian::Document& doc, double wt) {
    if (owner_.db_.size() != 1) {
        // Local shards: the document id given here is the shard's own, and the shard
        // is not known, so the value streams of the whole database cannot be walked
        // afterwards. Count whole values as the stock spy does; finish() splits them.
        Xapian::ValueCountMatchSpy::operator()(doc, wt);
        return;
    }
    // One local database: its values are read after the match (FacetCounter::finish).
    ++internal->total;
    docids_.push_back(doc.get_docid());
}

void SlotSpy::merge_results(const std::string& serialised) {
    // A remote shard's tally from the stock spy: joined value sets and their counts.
    // The stock class decodes it; each set's count then goes to every member.
    Xapian::ValueCountMatchSpy tally(slot_);
    tally.merge_results(serialised);
    internal->total += static_cast<Xapian::doccount>(tally.get_total());
    for (Xapian::TermIterator v = tally.values_begin(); v != tally.values_end(); ++v)
        owner_.add_joined(slot_, *v, v.get_termfreq());
}

void FacetCounter::add_joined(unsigned slot, std::string_view joined, std::size_t n) const {
    if (joined.empty()) return;
    for (Slot& s : slots_)
        if (s.active && s.slot == slot) count_value(s, joined, n);
}

void FacetCounter::update_active() {
    for (Slot& s : slots_) {
        bool skip = false;
        for (const auto& n : skip_)
            if (filter_governs(n, s.req)) skip = true;
        if (!only_.empty() && !filter_governs(only_, s.req)) skip = true;
        s.active = !skip;
    }
}

void FacetCounter::count_value(Slot& s, std::string_view joined, std::size_t n) {
    // The counter of a value (made on first sight); its address is stable, so it also
    // identifies the value.
    auto counter = [&](std::string_view v) -> std::size_t* {
        auto it = s.counts.find(v);
        if (it == s.counts.end()) it = s.counts.emplace(std::string(v), 0).first;
        return &it->second;
    };
    const bool dates = is_date_facet(s.req.name);
    if (!dates && joined.find(kValueSeparator) == std::string_view::npos) {
        std::size_t* c = counter(joined);
        *c += n;
        if (s.people) *person_counter(s, c, joined) += n;
        return;
    }
    // Several values. A document counts once per value even if a value repeats (date
    // buckets do: two days of one month); repeats are found by counter address, which
    // is cheaper than comparing strings.
    constexpr std::size_t kSeen = 64;
    std::size_t* seen_here[kSeen];
    std::size_t n_seen = 0;
    std::vector<std::size_t*> more;  // only for documents with more than kSeen values
    std::size_t* persons_here[kSeen];  // people facets: the persons counted for this document
    std::size_t n_persons = 0;
    std::vector<std::size_t*> more_persons;
    std::size_t p = 0;
    while (p <= joined.size()) {
        std::size_t e = joined.find(kValueSeparator, p);
        if (e == std::string_view::npos) e = joined.size();
        std::string_view val = joined.substr(p, e - p);
        p = e + 1;
        std::string bucketed;
        if (dates) {
            bucketed = bucket(val, s.req.level);
            val = bucketed;
        }
        if (val.empty()) continue;
        std::size_t* c = counter(val);
        bool dup = false;
        for (std::size_t k = 0; k < n_seen && !dup; ++k)
            dup = seen_here[k] == c;
        for (std::size_t k = 0; k < more.size() && !dup; ++k)
            dup = more[k] == c;
        if (dup) continue;
        *c += n;
        if (s.people) {
            std::size_t* pc = person_counter(s, c, val);
            if (std::find(persons_here, persons_here + n_persons, pc) == persons_here + n_persons &&
                std::find(more_persons.begin(), more_persons.end(), pc) == more_persons.end()) {
                *pc += n;
                if (n_persons < kSeen)
                    persons_here[n_persons++] = pc;
                else
                    more_persons.push_back(pc);
            }
        }
        if (n_seen < kSeen)
            seen_here[n_seen++] = c;
        else
            more.push_back(c);
    }
}

std::size_t* FacetCounter::person_counter(Slot& s, const std::size_t* name_counter, std::string_view name) {
    auto it = s.person_of.find(name_counter);
    if (it != s.person_of.end()) return it->second;
    const std::string label = s.people->label_of(fold_name(name));
    auto pc = s.persons.find(label);
    if (pc == s.persons.end()) pc = s.persons.emplace(label, 0).first;
    return s.person_of.emplace(name_counter, &pc->second).first->second;
}

void FacetCounter::count_with_column(Slot& s, const std::string& key, const std::vector<Xapian::docid>& docids) const {
    const bool dates = is_date_facet(s.req.name);
    const std::string col_key = std::to_string(s.slot) + "/" + (dates ? s.req.level : std::string());
    std::shared_ptr<const Column> col;
    {
        ColumnCache& cache = column_cache();
        std::lock_guard<std::mutex> lk(cache.m);
        if (cache.db_key == key) {
            auto it = cache.columns.find(col_key);
            if (it != cache.columns.end()) col = it->second;
        }
    }
    if (!col) {
        // Build: one pass over the slot, with the same splitting, bucketing and
        // de-duplication as count_value (which counts into a scratch slot here).
        auto c = std::make_shared<Column>();
        const Xapian::docid last = db_.get_lastdocid();
        c->starts.assign(static_cast<std::size_t>(last) + 2, 0);
        std::unordered_map<std::string, std::uint32_t, FacetHash, std::equal_to<>> ids;
        Slot scratch{s.req, s.slot, {}, 0, false, true, nullptr, {}, {}};
        Xapian::docid next = 1;
        for (Xapian::ValueIterator v = db_.valuestream_begin(s.slot); v != db_.valuestream_end(s.slot); ++v) {
            const Xapian::docid did = v.get_docid();
            if (did > last) break;
            for (; next <= did; ++next)
                c->starts[next] = static_cast<std::uint32_t>(c->ords.size());
            scratch.counts.clear();
            const std::string value = *v;
            if (!value.empty()) count_value(scratch, value);
            for (const auto& [name, n] : scratch.counts) {
                auto it = ids.find(name);
                if (it == ids.end()) {
                    it = ids.emplace(name, static_cast<std::uint32_t>(c->names.size())).first;
                    c->names.push_back(name);
                }
                c->ords.push_back(it->second);
            }
        }
        for (; next <= last + 1; ++next)
            c->starts[next] = static_cast<std::uint32_t>(c->ords.size());
        col = c;
        ColumnCache& cache = column_cache();
        std::lock_guard<std::mutex> lk(cache.m);
        if (cache.db_key == key) cache.columns[col_key] = col;
    }
    std::vector<std::uint32_t> counts(col->names.size(), 0);
    for (const Xapian::docid did : docids) {
        if (did + 1 >= col->starts.size()) continue;
        for (std::uint32_t k = col->starts[did]; k < col->starts[did + 1]; ++k)
            ++counts[col->ords[k]];
    }
    for (std::size_t o = 0; o < counts.size(); ++o)
        if (counts[o]) s.counts[col->names[o]] += counts[o];
    if (!s.people) return;
    // People: each document once per person, whichever of its names it holds.
    std::vector<std::size_t*> person(col->names.size(), nullptr);
    std::vector<std::size_t*> here;
    for (const Xapian::docid did : docids) {
        if (did + 1 >= col->starts.size()) continue;
        here.clear();
        for (std::uint32_t k = col->starts[did]; k < col->starts[did + 1]; ++k) {
            const std::uint32_t o = col->ords[k];
            if (!person[o]) person[o] = person_counter(s, &s.counts.find(col->names[o])->second, col->names[o]);
            if (std::find(here.begin(), here.end(), person[o]) == here.end()) {
                here.push_back(person[o]);
                ++*person[o];
            }
        }
    }
}

void FacetCounter::count_stored(Slot& s, const StoredColumn& col, const std::vector<Xapian::docid>& docids) const {
    // Ordinals of the slot's members; for a date facet, of the buckets they fall in
    // (a member the facet does not list has none), as count_value buckets them.
    const std::vector<std::string>& members = col.values();
    const bool dates = is_date_facet(s.req.name);
    std::vector<std::string> bucket_names;
    std::vector<std::uint32_t> to_bucket;  // member ordinal -> bucket ordinal, or kNone
    constexpr std::uint32_t kNone = ~std::uint32_t{0};
    if (dates) {
        std::unordered_map<std::string, std::uint32_t> ids;
        to_bucket.assign(members.size(), kNone);
        for (std::size_t o = 0; o < members.size(); ++o) {
            std::string b = bucket(members[o], s.req.level);
            if (b.empty()) continue;
            auto it = ids.find(b);
            if (it == ids.end()) {
                it = ids.emplace(b, static_cast<std::uint32_t>(bucket_names.size())).first;
                bucket_names.push_back(std::move(b));
            }
            to_bucket[o] = it->second;
        }
    }
    const std::vector<std::string>& names = dates ? bucket_names : members;
    std::vector<std::uint32_t> counts(names.size(), 0);
    // Most of the documents of their kind (an 85% match, or all of them): the kind's
    // tallies less the documents not matched. Not for people (a document counts once
    // per person, which tallies of names cannot tell) nor for a date facet whose
    // documents may hold two members of one bucket.
    const int run = quotes_ ? 1 : 0;
    if (!s.people && (!dates || col.run_max_members(run) <= 1) && docids.size() * 2 > col.run_docs(run)) {
        std::vector<std::uint32_t> member_counts;
        if (col.count_by_complement(docids, run, member_counts)) {
            for (std::size_t o = 0; o < member_counts.size(); ++o) {
                if (!member_counts[o]) continue;
                if (!dates)
                    counts[o] += member_counts[o];
                else if (to_bucket[o] != kNone)
                    counts[to_bucket[o]] += member_counts[o];
            }
            for (std::size_t o = 0; o < counts.size(); ++o)
                if (counts[o]) s.counts[names[o]] += counts[o];
            return;
        }
    }
    // People: each document once per person, whichever of its names it holds. Persons
    // get dense numbers (on first sight of each name), counted in a vector and added
    // to their counters at the end.
    std::vector<std::uint32_t> person(s.people ? names.size() : 0, kNone);  // ordinal -> person number
    std::vector<std::size_t*> person_counters;                               // person number -> its counter
    std::vector<std::uint32_t> person_counts;
    std::unordered_map<const std::size_t*, std::uint32_t> person_number;
    std::vector<std::uint32_t> here;
    std::vector<std::uint32_t> persons_here;
    col.for_each(docids, [&](const std::uint32_t* ords, std::size_t n) {
        if (n == 0) return;
        const std::uint32_t* doc = ords;
        if (dates) {
            // Two members of one bucket (two days of a month) count once.
            here.clear();
            for (std::size_t k = 0; k < n; ++k) {
                const std::uint32_t b = to_bucket[ords[k]];
                if (b != kNone && std::find(here.begin(), here.end(), b) == here.end()) here.push_back(b);
            }
            doc = here.data();
            n = here.size();
        }
        for (std::size_t k = 0; k < n; ++k)
            ++counts[doc[k]];
        if (!s.people) return;
        persons_here.clear();
        for (std::size_t k = 0; k < n; ++k) {
            const std::uint32_t o = doc[k];
            if (person[o] == kNone) {
                auto it = s.counts.find(names[o]);
                if (it == s.counts.end()) it = s.counts.emplace(names[o], 0).first;
                std::size_t* pc = person_counter(s, &it->second, names[o]);
                auto [pn, added] = person_number.emplace(pc, static_cast<std::uint32_t>(person_counters.size()));
                if (added) {
                    person_counters.push_back(pc);
                    person_counts.push_back(0);
                }
                person[o] = pn->second;
            }
            if (std::find(persons_here.begin(), persons_here.end(), person[o]) == persons_here.end()) {
                persons_here.push_back(person[o]);
                ++person_counts[person[o]];
            }
        }
    });
    for (std::size_t o = 0; o < counts.size(); ++o)
        if (counts[o]) s.counts[names[o]] += counts[o];
    for (std::size_t p = 0; p < person_counters.size(); ++p)
        *person_counters[p] += person_counts[p];
}

void FacetCounter::finish() const {
    if (finished_) return;
    finished_ = true;
    if (shared_docids_)
        for (const auto& spy : spies_)
            if (spy != spies_.front()) spy->local_docids() = spies_.front()->local_docids();
    for (const auto& spy : spies_) {
        // Whole values counted in this process (local shards), split as a remote
        // shard's tally is.
        for (Xapian::TermIterator v = spy->values_begin(); v != spy->values_end(); ++v)
            add_joined(spy->slot(), *v, v.get_termfreq());
        std::vector<Xapian::docid>& docids = spy->local_docids();
        if (docids.empty()) continue;
        // The matcher visits documents in ascending docid order nearly always; sorting
        // makes it certain, so that each stream is walked forwards once.
        if (!std::is_sorted(docids.begin(), docids.end())) std::sort(docids.begin(), docids.end());
        const ColumnMode mode = column_mode();
        // Facet columns, once this process has streamed a database's worth of documents.
        const std::string key = mode == ColumnMode::automatic && db_.get_lastdocid() <= kMaxColumnDocid
                                    ? database_version(db_)
                                    : std::string();
        bool use_columns = false;
        // Else the columns the indexer stored, when they are those of this revision.
        const StoredColumn* stored = nullptr;
        if (mode != ColumnMode::off && db_.size() == 1) {
            stored = stored_column(spy->slot());
            if (!stored && mode == ColumnMode::stored)
                throw Failure({kExitRuntime, "the database holds no stored facet columns valid for its revision",
                               std::string(kFacetColumnsEnv) + "=stored asks for them; unset it to count from the "
                               "value streams"});
        }
        if (!key.empty()) {
            ColumnCache& cache = column_cache();
            std::lock_guard<std::mutex> lk(cache.m);
            if (cache.db_key != key) {
                cache.db_key = key;
                cache.streamed = 0;
                cache.columns.clear();
            }
            use_columns = !cache.columns.empty() || cache.streamed >= db_.get_doccount();
            if (!use_columns && !stored) cache.streamed += docids.size();
        }
        for (Slot& s : slots_) {
            if (!s.active || s.slot != spy->slot()) continue;
            if (use_columns) {
                count_with_column(s, key, docids);
                continue;
            }
            if (stored) {
                count_stored(s, *stored, docids);
                continue;
            }
            Xapian::ValueIterator v = db_.valuestream_begin(s.slot);
            const Xapian::ValueIterator end = db_.valuestream_end(s.slot);
            std::string value;
            for (const Xapian::docid did : docids) {
                if (v == end) break;
                if (v.get_docid() < did) {
                    v.skip_to(did);
                    if (v == end) break;
                }
                if (v.get_docid() == did) {
                    value = *v;
                    if (!value.empty()) count_value(s, value);
                }
            }
        }
        docids.clear();
        docids.shrink_to_fit();
    }
    const std::size_t n = seen();
    for (Slot& s : slots_)
        if (s.active && n > 0) {
            s.counted = true;
            s.docs = n;
        }
}

void FacetCounter::merge_into(FacetCounter& other) const {
    finish();
    for (Slot& s : slots_) {
        if (!s.counted) continue;
        for (Slot& o : other.slots_)
            if (o.req.name == s.req.name && o.req.level == s.req.level) {
                // Moved, not copied: a people facet's person_of points into the maps.
                o.counts = std::move(s.counts);
                o.persons = std::move(s.persons);
                o.person_of = std::move(s.person_of);
                o.docs = s.docs;
                o.counted = true;
                break;
            }
    }
}

void FacetCounter::name_people(const Slot& s, std::vector<FacetValue>& values) {
    // Each person shown gets a name as the matching documents write it: a full name (a
    // given name or initial, and a surname) before other forms, capitals and small
    // letters before all capitals (headlines), then the spelling most documents hold,
    // then the most specific one (the label), then the first in byte order. Any of
    // them selects the person with -f.
    std::unordered_map<const std::size_t*, std::size_t> shown;  // person's counter -> value
    for (std::size_t i = 0; i < values.size(); ++i)
        if (auto it = s.persons.find(values[i].value); it != s.persons.end()) shown.emplace(&it->second, i);
    using Rank = std::tuple<bool, bool, std::size_t, bool>;
    std::vector<const std::string*> best(values.size(), nullptr);
    std::vector<Rank> best_rank(values.size());
    for (const auto& [name, count] : s.counts) {
        auto p = s.person_of.find(&count);
        if (p == s.person_of.end()) continue;
        auto sh = shown.find(p->second);
        if (sh == shown.end()) continue;
        const std::size_t i = sh->second;
        const std::string folded = fold_name(name);
        const Rank r{is_full_name(folded),
                     std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; }), count,
                     folded == values[i].value};
        if (!best[i] || r > best_rank[i] || (r == best_rank[i] && name < *best[i])) best[i] = &name, best_rank[i] = r;
    }
    for (std::size_t i = 0; i < values.size(); ++i)
        if (best[i]) values[i].value = *best[i];
}

std::vector<FacetResult> FacetCounter::results(const std::vector<std::pair<std::string, std::string>>& filters) const {
    finish();
    std::vector<FacetResult> out;
    for (const Slot& s : slots_) {
        FacetResult fr;
        fr.request = s.req;
        fr.exact = true;
        // Values the user selected (-f), in their canonical display form when known.
        std::vector<std::string> selected_keys;
        for (const auto& [name, value] : filters)
            if (filter_governs(name, s.req)) {
                std::string v = value;
                if (const Field* f = find_facet(s.req.name); f && f->place_names)
                    v = resolve_place_query(value).value_or(value);
                v = fold_key(v);
                if (s.people) {
                    // The person the value names (the facet lists people by label).
                    if (s.people->label_of(v) == v && !s.persons.count(v)) v = name_variant_key(v);
                    v = s.people->label_of(v);
                }
                selected_keys.push_back(v);
            }
        const std::string want_prefix = fold_key(s.req.prefix);
        const std::string want_match = fold_key(s.req.match);
        // People facets list persons, by label until the shown ones get their names.
        for (const auto& [value, count] : s.people ? s.persons : s.counts) {
            if (count < s.req.min_count) continue;
            bool sel = false;
            // Folding is ICU work: only when a prefix or a selection needs it (a place
            // facet over a large match set has thousands of values).
            if (!want_prefix.empty() || !want_match.empty() || !selected_keys.empty()) {
                const std::string key = fold_key(value);
                if (!want_prefix.empty() && key.rfind(want_prefix, 0) != 0) continue;
                if (!want_match.empty() && key.find(want_match) == std::string::npos) continue;
                for (const auto& k : selected_keys)
                    if (k == key || (is_date_facet(s.req.name) && key.rfind(k, 0) == 0)) sel = true;
            }
            fr.values.push_back({value, count, sel});
        }
        // Undated documents are part of the match set too: the published facet says how
        // many, as "(unknown)" (selectable with -f published="(unknown)"). A document
        // has at most one publication date, so they are the documents not counted
        // under any value.
        if (s.req.name == "published") {
            std::size_t dated = 0;
            for (const auto& [value, count] : s.counts)
                dated += count;
            const std::size_t missing = s.docs > dated ? s.docs - dated : 0;
            bool sel = false;
            for (const auto& [name, value] : filters)
                if (filter_governs(name, s.req) && (value == kUnknownDate || value == "unknown")) sel = true;
            const std::string key = fold_key(kUnknownDate);
            if (missing > 0 && missing >= s.req.min_count && key.rfind(want_prefix, 0) == 0 &&
                (want_match.empty() || key.find(want_match) != std::string::npos))
                fr.values.push_back({std::string(kUnknownDate), missing, sel});
        }
        const bool by_value = s.req.sort_by_value;
        const bool dates = is_date_facet(s.req.name);
        // A total order (values are distinct), so selecting the top `limit` and sorting
        // only those gives the same list as sorting everything.
        auto before = [&](const FacetValue& a, const FacetValue& b) {
            if (by_value) return dates ? a.value > b.value : a.value < b.value;
            if (a.count != b.count) return a.count > b.count;
            return a.value < b.value;
        };
        if (fr.values.size() > s.req.limit) {
            const auto cut = fr.values.begin() + static_cast<long>(s.req.limit);
            std::nth_element(fr.values.begin(), cut, fr.values.end(), before);
            std::vector<FacetValue> kept(fr.values.begin(), cut);
            std::sort(kept.begin(), kept.end(), before);
            // Selected values always show, in order, after the top ones.
            std::vector<FacetValue> selected;
            for (auto it = cut; it != fr.values.end(); ++it)
                if (it->selected) selected.push_back(*it);
            std::sort(selected.begin(), selected.end(), before);
            kept.insert(kept.end(), selected.begin(), selected.end());
            fr.other_values = fr.values.size() - kept.size();
            fr.values = std::move(kept);
        } else {
            std::sort(fr.values.begin(), fr.values.end(), before);
        }
        if (s.people) name_people(s, fr.values);
        out.push_back(std::move(fr));
    }
    return out;
}

}  // namespace newsfacet
