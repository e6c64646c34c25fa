#include "document.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "docrecord.h"
#include "extract.h"
#include "gazetteer.h"
#include "schema.h"
#include "shards.h"
#include "text.h"

namespace newsfacet {
namespace {

std::string join_values(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out.push_back(kValueSeparator);
        out += s;
    }
    return out;
}

// The tie-break value of a document (kSlotOrder): FNV-1a 64 of its unique term, big-
// endian so that byte order is number order.
std::string order_value(std::string_view unique_term) {
    std::uint64_t h = fnv1a64(unique_term);
    std::string v(8, '\0');
    for (int i = 7; i >= 0; --i, h >>= 8)
        v[static_cast<std::size_t>(i)] = static_cast<char>(h & 0xff);
    return v;
}

void push_unique(std::vector<std::string>& v, const std::string& s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string offset_note(std::size_t byte_offset) {
    return " at byte " + std::to_string(byte_offset);
}

/// The one place where field values become a document's terms, slot values and
/// record entries together: a value added here is searchable, counted by its facet
/// and shown, with terms from value_terms (schema.h), the same function the query
/// parser and --explain use.
class FieldWriter {
  public:
    FieldWriter(Xapian::Document& doc, std::string kind_prefix = {}) : doc_(doc), kp_(std::move(kind_prefix)) {}

    /// Writes the terms of a value of `field`; when `slot` is given (the field's own,
    /// or a facet level's), also adds the value to that slot and to `record` (once
    /// each). Returns true when the value was new to the slot.
    bool add(std::string_view field_name, const std::string& value, int slot = -1,
             std::vector<std::string>* record = nullptr) {
        add_terms(field_name, value);
        if (slot < 0 || value.empty()) return false;
        std::vector<std::string>& v = slots_[static_cast<unsigned>(slot)];
        if (std::find(v.begin(), v.end(), value) != v.end()) return false;
        v.push_back(value);
        if (record) record->push_back(value);
        return true;
    }
    /// Writes the terms of a value only (a country that contains a named city is
    /// found by place: but is not a place named).
    void add_terms(std::string_view field_name, std::string_view value) {
        for (const std::string& t : value_terms(field(field_name), value, kp_))
            doc_.add_boolean_term(t);
    }
    /// Sets every slot written to (and those in `always`, empty when nothing was added).
    void finish(std::initializer_list<unsigned> always = {}) {
        for (unsigned s : always)
            slots_[s];
        for (const auto& [slot, values] : slots_)
            doc_.add_value(slot, join_values(values));
    }

  private:
    Xapian::Document& doc_;
    std::string kp_;
    std::map<unsigned, std::vector<std::string>> slots_;
};

}  // namespace

Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos pos) {
    const std::string p(prefix);
    // Stems follow Xapian's convention (what QueryParser looks for): Z in front of the
    // prefix, so "ZS" for titles and "ZXQ" for quotes.
    const std::string zp = std::string(kStemPrefix) + p;
    Xapian::termpos last = pos;
    tokenize(text, [&](const Token& t) {
        if (t.term.empty()) return;
        const std::string term = safe_term(p + t.term);
        if (t.joined) {
            // The compound ("deescalation") shares the position of its last part, so a
            // phrase that goes on after it still matches.
            doc.add_posting(term, last, wdf_inc);
        } else {
            ++last;
            doc.add_posting(term, last, wdf_inc);
        }
        // Numbers and words with digits are not stemmed (Xapian does the same).
        if (t.term[0] < '0' || t.term[0] > '9') doc.add_term(safe_term(zp + stem(t.term)), wdf_inc);
    });
    return last;
}

std::vector<std::string> person_keys(const std::string& canonical, const std::vector<std::string>& surfaces) {
    // people.cc decides which spellings are the same person; the keys are then
    // folded exactly as the query side folds what users type.
    std::vector<std::string> keys;
    for (const std::string& k : person_name_keys(canonical, surfaces))
        push_unique(keys, fold_key(k));
    return keys;
}

ArticleDocuments build_documents(const Article& a, const Extraction& x) {
    ArticleDocuments out;
    out.id = a.id;
    // The source is what the article is (its file, its record): the unique term. The
    // id is what users see and type, and two sources may share it.
    const std::string source = a.source.empty() ? a.id : a.source;
    out.source_name = a.source_name.empty() ? source : a.source_name;
    out.unique_term = value_terms(field("source"), source).at(0);
    Xapian::Document& doc = out.article;
    FieldWriter w(doc);
    DocRecord rec;
    rec.id = a.id;
    rec.path = a.path;
    rec.source = out.source_name;
    rec.title = a.title;
    rec.text = a.text;
    doc.add_boolean_term(out.unique_term);
    doc.add_value(kSlotOrder, order_value(out.unique_term));
    w.add_terms("type", "article");
    w.add_terms("id", a.id);
    if (!a.file.empty()) w.add_terms("file", a.file);
    if (!a.file.empty() && !a.file_stamp.empty()) doc.add_value(kSlotFileStamp, a.file + '\0' + a.file_stamp);

    // Free text: the title with extra weight and under S, then the body.
    Xapian::termpos pos = 0;
    if (!a.title_from_text) {
        index_text(doc, a.title, prefix("title"), 1, 0);
        pos = index_text(doc, a.title, "", 3, 0);
    } else {
        index_text(doc, a.title, prefix("title"), 1, 0);
    }
    // Every line after the headline is text: split_article keeps a standfirst (a short
    // second line) apart from the body, but its words are searched like the body's.
    std::size_t body_from = a.body_begin;
    if (!a.standfirst.empty() && a.title_span.end > 0 && a.title_span.end < body_from) body_from = a.title_span.end;
    index_text(doc, std::string_view(a.text).substr(std::min(body_from, a.text.size())), "", 1, pos + 100);

    // Publication date: the slot holds the sortable compact day, not the ISO value.
    if (a.published) {
        rec.published = iso_day(*a.published);
        w.add_terms("date", rec.published);
        doc.add_value(kSlotPublished, compact_day(*a.published));
        rec.provenance.push_back({"date", rec.published, "publication date from " + a.published_source});
    }

    // People: canonical names; surfaces grouped per person for the look-up keys.
    std::vector<std::string> speaker_names;
    for (const Quote& q : x.quotes)
        if (q.speaker_is_person && !q.speaker.empty()) push_unique(speaker_names, q.speaker);
    std::vector<std::string> person_names;
    for (const PersonMention& m : x.people)
        push_unique(person_names, m.name);
    for (const auto& s : speaker_names)
        push_unique(person_names, s);
    for (const std::string& name : person_names) {
        std::vector<std::string> surfaces;
        const PersonMention* first = nullptr;
        for (const PersonMention& m : x.people)
            if (m.name == name) {
                surfaces.push_back(m.surface);
                if (!first) first = &m;
            }
        const bool is_speaker = std::find(speaker_names.begin(), speaker_names.end(), name) != speaker_names.end();
        const std::string folded = fold_key(name);
        w.add("person", name, kSlotPeople, &rec.people);
        for (const auto& k : person_keys(name, surfaces))
            w.add_terms("personkey", k + "=" + folded);
        if (first)
            rec.provenance.push_back(
                {"person", name, "\"" + first->surface + "\" " + first->rule + offset_note(first->span.begin)});
        if (is_speaker) {
            w.add("speaker", name, kSlotSpeakers, &rec.speakers);
            for (const auto& k : person_keys(name, surfaces))
                w.add_terms("speakerkey", k + "=" + folded);
            for (const Quote& q : x.quotes)
                if (q.speaker == name) {
                    rec.provenance.push_back(
                        {"speaker", name, q.speaker_rule + " (quote at byte " + std::to_string(q.span.begin) + ")"});
                    break;
                }
        }
    }

    // Places: the canonical name, and the country, first-level region and continent
    // (UN M49) of every place, under place: (a country finds its
    // cities, Europe its countries). The place facet counts every value place: finds, so
    // that a count is what selecting it gives; the record keeps the places as named, for
    // output.
    for (const PlaceMention& p : x.places) {
        const bool new_place = w.add("place", p.name, kSlotPlaces, &rec.places);
        if (p.level == "city") w.add("city", p.name, kSlotCities, &rec.cities);
        // A place that contains the one named: found by place:, explained once.
        auto add_container = [&](std::string_view container) {
            const std::string c(container);
            w.add("place", c, kSlotPlaces);
            if (c != p.name && std::find_if(rec.provenance.begin(), rec.provenance.end(), [&](const Provenance& v) {
                                   return v.field == "place" && v.value == c;
                               }) == rec.provenance.end())
                rec.provenance.push_back(
                    {"place", c,
                     "contains " + p.name + " (\"" + p.surface + "\" " + p.rule + offset_note(p.span.begin) + ")"});
        };
        if (!p.country.empty()) {
            w.add("country", p.country, kSlotCountries, &rec.countries);
            add_container(p.country);
        }
        if (!p.admin1.empty()) w.add("place", p.admin1, kSlotPlaces);
        // By the country, not the name: "London" in Ontario is not in Europe.
        for (std::string_view region : regions_of(p.country.empty() ? p.name : p.country))
            add_container(region);
        if (new_place)
            rec.provenance.push_back({"place", p.name, "\"" + p.surface + "\" " + p.rule + offset_note(p.span.begin)});
    }

    // Dates mentioned: day, month and year terms so that ranges decompose (dates.h);
    // weeks, quarters and seasons the month or year that contains them whole, and a
    // value that no year contains (a decade) is left out.
    std::set<std::string> seen_dates;
    for (const DateMention& d : x.dates) {
        if (!d.resolved()) continue;
        if (!seen_dates.insert(d.value).second) continue;
        if (value_terms(field("mentioned"), d.value).empty()) continue;
        const auto pd = parse_partial_date(d.value);
        w.add("mentioned", d.value, kSlotMentioned);
        rec.mentioned.push_back({d.value, std::string(granularity_name(pd ? pd->granularity : d.granularity))});
        rec.provenance.push_back({"mentioned", d.value, "\"" + d.surface + "\" " + d.rule + offset_note(d.span.begin)});
    }
    w.finish({kSlotSpeakers, kSlotPeople, kSlotPlaces, kSlotCountries, kSlotCities, kSlotMentioned});

    // Quotes: one document each, every term under XQ (their unique term too, so no
    // article id can ever name a quote). The article's place and publication-date
    // filters are inherited, with their slots (so that their facets count quotes),
    // not its words, people or mentioned dates: those are what a quote search narrows
    // by, and every inherited term is written again per quote. A quote's speaker is
    // its own speaker: term and slot.
    const std::string qp(kQuotePrefix);
    std::vector<std::string> inherited;
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& t = *it;
        const std::string_view f = term_field(t).field;
        if (f == "place" || f == "city" || f == "country" || f == "date") inherited.push_back(safe_term(qp + t));
    }
    std::size_t n = 0;
    for (const Quote& q : x.quotes) {
        if (q.speaker.empty() || q.text.empty()) continue;
        Xapian::Document qd;
        FieldWriter qw(qd, qp);
        std::string quote_source = source;
        quote_source.push_back('\0');
        quote_source += "q" + std::to_string(n++);
        const std::string uid = value_terms(field("source"), quote_source, qp).at(0);
        qd.add_boolean_term(uid);
        qd.add_value(kSlotOrder, order_value(uid));
        qw.add_terms("type", "quote");
        qw.add_terms("id", a.id);
        qw.add_terms("parent", out.unique_term);
        index_text(qd, q.text, qp, 1, 0);
        if (q.speaker_is_person) {
            qw.add("speaker", q.speaker, kSlotSpeakers);
            std::vector<std::string> surfaces;
            for (const PersonMention& m : x.people)
                if (m.name == q.speaker) surfaces.push_back(m.surface);
            for (const auto& k : person_keys(q.speaker, surfaces))
                qw.add_terms("speakerkey", k + "=" + fold_key(q.speaker));
        }
        for (const std::string& t : inherited)
            qd.add_boolean_term(t);
        if (a.published) qd.add_value(kSlotPublished, compact_day(*a.published));
        for (const unsigned slot : {kSlotPlaces, kSlotCountries, kSlotCities})
            if (const std::string v = doc.get_value(slot); !v.empty()) qd.add_value(slot, v);
        qw.finish();
        DocRecord qr;
        qr.kind = "quote";
        qr.id = a.id;
        qr.parent = a.id;
        qr.path = a.path;
        qr.title = a.title;
        qr.published = rec.published;
        qr.text = q.text;
        qr.speaker = q.speaker;
        qr.speaker_rule = q.speaker_rule;
        qr.indirect = q.indirect;
        qd.set_data(qr.serialise());
        out.quotes.emplace_back(uid, std::move(qd));
    }
    doc.set_data(rec.serialise());
    return out;
}

bool is_spelling_word(std::string_view term) {
    if (term.size() < kMinSpellingBytes || term.size() > kMaxSpellingBytes) return false;
    const unsigned char c0 = static_cast<unsigned char>(term[0]);
    if (c0 >= 'A' && c0 <= 'Z') return false;  // a prefixed term: stems, fields
    for (const char c : term)
        if ((c >= '0' && c <= '9') || c == '#') return false;
    return true;
}

void SpellingBatch::count(const Xapian::Document& doc, bool add) {
    // The article's distinct words, one count per article: the spelling frequency is
    // a document frequency, so re-indexing or deleting an article can take it back.
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& w = *t;
        if (is_spelling_word(w)) delta_[w] += add ? 1 : -1;
    }
}

void SpellingBatch::flush(Xapian::WritableDatabase& db) {
    try {
        for (const auto& [word, n] : delta_) {
            if (n > 0) db.add_spelling(word, static_cast<Xapian::termcount>(n));
            if (n < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-n));
        }
    } catch (const Xapian::UnimplementedError&) {
        // A backend without spelling data (in-memory databases, used by tests and the
        // fuzz harness): the articles are written, without it.
    }
    delta_.clear();
}

namespace {

// Counts an article's words into `batch`, or writes them at once without one.
void spell(Xapian::WritableDatabase& db, SpellingBatch* batch, const Xapian::Document& doc, bool add) {
    if (batch) {
        batch->count(doc, add);
        return;
    }
    SpellingBatch now;
    now.count(doc, add);
    now.flush(db);
}

// The article document stored under `unique_term`, if any: its words leave the
// spelling data when it is replaced or deleted.
void forget_spelling(Xapian::WritableDatabase& db, SpellingBatch* batch, const std::string& unique_term) {
    Xapian::PostingIterator p = db.postlist_begin(unique_term);
    if (p != db.postlist_end(unique_term)) spell(db, batch, db.get_document(*p), false);
}

// The quotes of an article: XQXPARENT<its unique term>.
std::string quotes_term(const std::string& unique_term) {
    return value_terms(field("parent"), unique_term, kQuotePrefix).at(0);
}

// The articles posted under a term, with their unique terms (the one term of an
// article starting with the source prefix) and sources as recorded.
// The unique term of an article document: its one term with the source prefix
// (free-text terms are lower case; no other prefix starts with Q). Empty if none.
std::string unique_term_of(const Xapian::Document& d) {
    const std::string q(prefix("source"));
    Xapian::TermIterator t = d.termlist_begin();
    t.skip_to(q);
    return t != d.termlist_end() && (*t).starts_with(q) ? *t : std::string();
}

std::vector<StoredArticle> articles_under(const Xapian::Database& db, const std::string& term) {
    std::vector<StoredArticle> out;
    for (Xapian::PostingIterator p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        const Xapian::Document d = db.get_document(*p);
        if (std::string u = unique_term_of(d); !u.empty())
            out.push_back({std::move(u), DocRecord::parse(d.get_data()).source});
    }
    return out;
}

}  // namespace

std::vector<StoredArticle> articles_with_id(const Xapian::Database& db, const std::string& id) {
    return articles_under(db, value_terms(field("id"), id).at(0));
}

std::vector<StoredArticle> articles_of_file(const Xapian::Database& db, const std::string& canonical_path) {
    return articles_under(db, value_terms(field("file"), canonical_path).at(0));
}

bool delete_article(Xapian::WritableDatabase& db, const std::string& unique_term, SpellingBatch* spelling) {
    const bool existed = db.term_exists(unique_term);
    if (existed) {
        forget_spelling(db, spelling, unique_term);
        db.delete_document(unique_term);
    }
    const std::string quotes = quotes_term(unique_term);
    if (db.term_exists(quotes)) db.delete_document(quotes);
    return existed;
}

DeleteOutcome delete_id(const std::vector<Xapian::WritableDatabase*>& dbs, const std::string& id) {
    DeleteOutcome out;
    std::vector<std::pair<Xapian::WritableDatabase*, std::string>> held;
    for (Xapian::WritableDatabase* db : dbs)
        for (const StoredArticle& a : articles_with_id(*db, id)) {
            held.emplace_back(db, a.unique_term);
            out.sources.push_back(a.source_name);
        }
    if (held.size() == 1 && delete_article(*held[0].first, held[0].second)) out.deleted = 1;
    return out;
}

DeleteOutcome delete_file(const std::vector<Xapian::WritableDatabase*>& dbs, const std::string& canonical_path) {
    DeleteOutcome out;
    for (Xapian::WritableDatabase* db : dbs)
        for (const StoredArticle& a : articles_of_file(*db, canonical_path)) {
            out.sources.push_back(a.source_name);
            if (delete_article(*db, a.unique_term)) ++out.deleted;
        }
    return out;
}

std::map<std::string, IndexedFile> indexed_files(const std::vector<Xapian::WritableDatabase*>& dbs) {
    std::map<std::string, IndexedFile> files;
    const std::string prefix_file(prefix("file"));
    for (Xapian::WritableDatabase* db : dbs)
        for (Xapian::TermIterator t = db->allterms_begin(prefix_file); t != db->allterms_end(prefix_file); ++t) {
            const Xapian::PostingIterator p = db->postlist_begin(*t);
            if (p == db->postlist_end(*t)) continue;
            // The path from the value: a long one's term is hashed.
            const std::string v = db->get_document(*p).get_value(kSlotFileStamp);
            const std::size_t nul = v.find('\0');
            if (nul == std::string::npos) continue;
            const std::string path = v.substr(0, nul), stamp = v.substr(nul + 1);
            auto [it, fresh] = files.try_emplace(path, IndexedFile{stamp, 0});
            if (!fresh && it->second.stamp != stamp) it->second.stamp.clear();
            it->second.articles += t.get_termfreq();
        }
    return files;
}

std::size_t delete_stale(const std::vector<Xapian::WritableDatabase*>& dbs, const std::string& canonical_path,
                         const std::string& stamp) {
    const std::string term = value_terms(field("file"), canonical_path).at(0);
    const std::string current = canonical_path + '\0' + stamp;
    std::vector<std::pair<Xapian::WritableDatabase*, std::string>> stale;
    bool fresh = false;
    for (Xapian::WritableDatabase* db : dbs)
        for (Xapian::PostingIterator p = db->postlist_begin(term); p != db->postlist_end(term); ++p) {
            const Xapian::Document d = db->get_document(*p);
            if (d.get_value(kSlotFileStamp) == current)
                fresh = true;
            else if (std::string u = unique_term_of(d); !u.empty())
                stale.emplace_back(db, std::move(u));
        }
    // Nothing written from this version (it was skipped: too large, unreadable ...):
    // its old articles stay.
    if (!fresh) return 0;
    std::size_t deleted = 0;
    for (const auto& [db, u] : stale)
        deleted += delete_article(*db, u) ? 1 : 0;
    return deleted;
}

WriteOutcome write_article(Xapian::WritableDatabase& db, const ArticleDocuments& docs, SpellingBatch* spelling) {
    WriteOutcome out;
    // Another source with the same id: both are kept, and the caller says so.
    const std::string id_term = value_terms(field("id"), docs.id).at(0);
    Xapian::PostingIterator self = db.postlist_begin(docs.unique_term);
    const Xapian::docid self_id = self == db.postlist_end(docs.unique_term) ? 0 : *self;
    for (Xapian::PostingIterator p = db.postlist_begin(id_term); p != db.postlist_end(id_term); ++p)
        if (*p != self_id) {
            out.duplicate_of = DocRecord::parse(db.get_document(*p).get_data()).source;
            if (out.duplicate_of.empty()) out.duplicate_of = "another article";
            break;
        }
    out.replaced = self_id != 0;
    const std::string quotes = quotes_term(docs.unique_term);
    if (db.term_exists(quotes)) db.delete_document(quotes);
    if (out.replaced) forget_spelling(db, spelling, docs.unique_term);
    out.docid = db.replace_document(docs.unique_term, docs.article);
    spell(db, spelling, docs.article, true);
    for (const auto& [uid, qd] : docs.quotes)
        db.replace_document(uid, qd);
    return out;
}

}  // namespace newsfacet
