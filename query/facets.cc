#include "facets.h"

#include <algorithm>

#include "gazetteer.h"
#include "schema.h"
#include "text.h"

namespace newsfacet {
namespace {

// Buckets a date value for a facet: published slots hold YYYYMMDD, mentioned slots
// ISO values at their own granularity.
std::string bucket(std::string_view v, const std::string& level) {
    std::string iso;
    if (v.size() == 8 && v.find('-') == std::string_view::npos)
        iso = std::string(v.substr(0, 4)) + "-" + std::string(v.substr(4, 2)) + "-" + std::string(v.substr(6, 2));
    else
        iso = std::string(v);
    if (level == "year") return iso.substr(0, 4);
    if (level == "day") return iso;
    return iso.substr(0, std::min<std::size_t>(7, iso.size()));  // month, the default
}

bool is_date_facet(const std::string& n) { return n == "published" || n == "mentioned" || n == "date"; }

}  // namespace

std::optional<FacetRequest> parse_facet_request(const std::string& spec, std::string& error) {
    FacetRequest r;
    const std::size_t colon = spec.find(':');
    r.name = spec.substr(0, colon);
    if (colon != std::string::npos) r.level = spec.substr(colon + 1);
    if (r.name == "date") r.name = "published";
    unsigned slot = 0;
    if (!facet_slot(r, slot)) {
        error = "unknown facet \"" + spec + "\": facets are speaker, person, place[:country|:city], published[:year|:month|:day], mentioned[:year|:month|:day]";
        return std::nullopt;
    }
    return r;
}

bool facet_slot(const FacetRequest& r, unsigned& slot) {
    if (r.name == "speaker" && r.level.empty()) slot = kSlotSpeakers;
    else if (r.name == "person" && r.level.empty()) slot = kSlotPeople;
    else if (r.name == "place" && (r.level.empty() || r.level == "all")) slot = kSlotPlaces;
    else if (r.name == "place" && r.level == "country") slot = kSlotCountries;
    else if (r.name == "place" && r.level == "city") slot = kSlotCities;
    else if (r.name == "city" && r.level.empty()) slot = kSlotCities;
    else if (is_date_facet(r.name) && (r.level.empty() || r.level == "year" || r.level == "month" || r.level == "day"))
        slot = r.name == "mentioned" ? kSlotMentioned : kSlotPublished;
    else return false;
    return true;
}

namespace {
// The facet a filter field governs, for multi-select.
bool governs(const std::string& filter_field, const FacetRequest& r) {
    if (filter_field == r.name) return true;
    if (filter_field == "date" && r.name == "published") return true;
    if (filter_field == "city" && r.name == "place") return true;
    return false;
}
}  // namespace

FacetCounter::FacetCounter(const std::vector<FacetRequest>& requests, bool) {
    for (const FacetRequest& r : requests) {
        unsigned slot = 0;
        if (facet_slot(r, slot)) slots_.push_back(Slot{r, slot, {}, {}, false, true});
    }
}

FacetCounter::FacetCounter(const Xapian::Database& db, const std::vector<FacetRequest>& requests, bool quotes)
    : FacetCounter(requests, quotes) {
    db_ = db;
    use_streams_ = true;
}

bool FacetCounter::wants(const std::string& name) const {
    for (const Slot& s : slots_)
        if (s.req.name == name || (name == "date" && s.req.name == "published") || (name == "city" && s.req.name == "place"))
            return true;
    return false;
}

void FacetCounter::update_active() {
    for (Slot& s : slots_) {
        bool skip = false;
        for (const auto& n : skip_)
            if (governs(n, s.req)) skip = true;
        if (!only_.empty() && !governs(only_, s.req)) skip = true;
        s.active = !skip;
    }
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    ++seen_;
    if (use_streams_) {
        // The values are read after the match, slot by slot, from the value streams.
        docids_.push_back(doc.get_docid());
        return;
    }
    for (Slot& s : slots_) {
        if (!s.active) continue;
        std::string v = doc.get_value(s.slot);
        if (!v.empty()) ++s.raw[std::move(v)];
    }
}

void FacetCounter::finish() const {
    if (finished_) return;
    finished_ = true;
    if (use_streams_ && !docids_.empty()) {
        // The matcher visits documents in ascending docid order nearly always; sorting
        // makes it certain, so that each stream is walked forwards once.
        if (!std::is_sorted(docids_.begin(), docids_.end())) std::sort(docids_.begin(), docids_.end());
        for (Slot& s : slots_) {
            if (!s.active) continue;
            Xapian::ValueIterator v = db_.valuestream_begin(s.slot);
            const Xapian::ValueIterator end = db_.valuestream_end(s.slot);
            for (const Xapian::docid did : docids_) {
                if (v == end) break;
                if (v.get_docid() < did) {
                    v.skip_to(did);
                    if (v == end) break;
                }
                if (v.get_docid() == did) ++s.raw[*v];
            }
        }
        docids_.clear();
        docids_.shrink_to_fit();
    }
    for (Slot& s : slots_) {
        if (!s.active || seen_ == 0) continue;
        s.counted = true;
        const bool dates = is_date_facet(s.req.name);
        for (const auto& [raw, n] : s.raw) {
            if (!dates && raw.find(kValueSeparator) == std::string::npos) {
                s.counts[raw] += n;
                continue;
            }
            // Several values; with date buckets two values may share a bucket but the
            // document counts once per bucket.
            std::vector<std::string> seen_here;
            std::size_t p = 0;
            while (p <= raw.size()) {
                std::size_t e = raw.find(kValueSeparator, p);
                if (e == std::string::npos) e = raw.size();
                std::string val = raw.substr(p, e - p);
                if (dates) val = bucket(val, s.req.level);
                if (!val.empty() && std::find(seen_here.begin(), seen_here.end(), val) == seen_here.end()) {
                    s.counts[val] += n;
                    seen_here.push_back(val);
                }
                p = e + 1;
            }
        }
        s.raw.clear();
    }
}

void FacetCounter::merge_into(FacetCounter& other) const {
    finish();
    for (const Slot& s : slots_) {
        if (!s.counted) continue;
        for (Slot& o : other.slots_)
            if (o.req.name == s.req.name && o.req.level == s.req.level) {
                o.counts = s.counts;
                o.counted = true;
            }
    }
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
            if (governs(name, s.req)) {
                std::string v = value;
                if (s.req.name == "place") v = resolve_place_query(value).value_or(value);
                selected_keys.push_back(fold_key(v));
            }
        const std::string want_prefix = fold_key(s.req.prefix);
        for (const auto& [value, count] : s.counts) {
            if (count < s.req.min_count) continue;
            bool sel = false;
            // Folding is ICU work: only when a prefix or a selection needs it (a place
            // facet over a large match set has thousands of values).
            if (!want_prefix.empty() || !selected_keys.empty()) {
                const std::string key = fold_key(value);
                if (!want_prefix.empty() && key.rfind(want_prefix, 0) != 0) continue;
                for (const auto& k : selected_keys)
                    if (k == key || (is_date_facet(s.req.name) && key.rfind(k, 0) == 0)) sel = true;
            }
            fr.values.push_back({value, count, sel});
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
        out.push_back(std::move(fr));
    }
    return out;
}

}  // namespace newsfacet
