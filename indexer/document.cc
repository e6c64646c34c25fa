#include "document.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "docrecord.h"
#include "extract.h"
#include "schema.h"
#include "shards.h"
#include "text.h"

namespace newsfacet {
namespace {

void add_boolean(Xapian::Document& doc, std::string_view prefix, const std::string& key) {
    if (key.empty()) return;
    doc.add_boolean_term(safe_term(std::string(prefix) + key));
}

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
    out.unique_term = safe_term(std::string(prefix("id")) + a.id);
    Xapian::Document& doc = out.article;
    DocRecord rec;
    rec.id = a.id;
    rec.path = a.path;
    rec.title = a.title;
    rec.text = a.text;
    doc.add_boolean_term(out.unique_term);
    doc.add_value(kSlotOrder, order_value(out.unique_term));
    doc.add_boolean_term(std::string(prefix("type")) + "article");

    // Free text: the title with extra weight and under S, then the body.
    Xapian::termpos pos = 0;
    if (!a.title_from_text) {
        index_text(doc, a.title, prefix("title"), 1, 0);
        pos = index_text(doc, a.title, "", 3, 0);
    } else {
        index_text(doc, a.title, prefix("title"), 1, 0);
    }
    index_text(doc, std::string_view(a.text).substr(std::min(a.body_begin, a.text.size())), "", 1, pos + 100);

    // Publication date.
    if (a.published) {
        const DateTerms t = date_terms(*a.published);
        doc.add_boolean_term(std::string(kPublishedDay) + t.day);
        doc.add_boolean_term(std::string(kPublishedMonth) + t.month);
        doc.add_boolean_term(std::string(kPublishedYear) + t.year);
        doc.add_value(kSlotPublished, t.day);
        rec.published = iso_day(*a.published);
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
        add_boolean(doc, prefix("person"), fold_key(name));
        const std::string folded = fold_key(name);
        for (const auto& k : person_keys(name, surfaces))
            add_boolean(doc, prefix("personkey"), k + "=" + folded);
        rec.people.push_back(name);
        if (first)
            rec.provenance.push_back(
                {"person", name, "\"" + first->surface + "\" " + first->rule + offset_note(first->span.begin)});
        if (is_speaker) {
            add_boolean(doc, prefix("speaker"), fold_key(name));
            for (const auto& k : person_keys(name, surfaces))
                add_boolean(doc, prefix("speakerkey"), k + "=" + folded);
            rec.speakers.push_back(name);
            for (const Quote& q : x.quotes)
                if (q.speaker == name) {
                    rec.provenance.push_back(
                        {"speaker", name, q.speaker_rule + " (quote at byte " + std::to_string(q.span.begin) + ")"});
                    break;
                }
        }
    }

    // Places: the canonical name, and the country of every city.
    for (const PlaceMention& p : x.places) {
        const bool new_place = std::find(rec.places.begin(), rec.places.end(), p.name) == rec.places.end();
        push_unique(rec.places, p.name);
        add_boolean(doc, prefix("place"), fold_key(p.name));
        if (p.level == "city") {
            push_unique(rec.cities, p.name);
            add_boolean(doc, prefix("city"), fold_key(p.name));
        }
        if (!p.country.empty()) {
            push_unique(rec.countries, p.country);
            add_boolean(doc, prefix("place"), fold_key(p.country));
            if (p.country != p.name &&
                std::find_if(rec.provenance.begin(), rec.provenance.end(), [&](const Provenance& v) {
                    return v.field == "place" && v.value == p.country;
                }) == rec.provenance.end())
                rec.provenance.push_back(
                    {"place", p.country,
                     "contains " + p.name + " (\"" + p.surface + "\" " + p.rule + offset_note(p.span.begin) + ")"});
        }
        if (!p.admin1.empty()) add_boolean(doc, prefix("place"), fold_key(p.admin1));
        if (new_place)
            rec.provenance.push_back({"place", p.name, "\"" + p.surface + "\" " + p.rule + offset_note(p.span.begin)});
    }

    // Dates mentioned: day, month and year terms so that ranges decompose (dates.h).
    std::set<std::string> seen_dates;
    std::string min_day, max_day;
    for (const DateMention& d : x.dates) {
        if (!d.resolved()) continue;
        if (!seen_dates.insert(d.value).second) continue;
        if (auto pd = parse_partial_date(d.value)) {
            const DateTerms t = date_terms(pd->ymd);
            if (pd->granularity == Granularity::day) doc.add_boolean_term(std::string(kMentionedDay) + t.day);
            if (pd->granularity != Granularity::year) doc.add_boolean_term(std::string(kMentionedMonth) + t.month);
            doc.add_boolean_term(std::string(kMentionedYear) + t.year);
            rec.mentioned.push_back({d.value, std::string(granularity_name(pd->granularity))});
        } else if (auto range = value_day_range(d.value)) {
            // Weeks, quarters, seasons, decades: indexed at the finest level that
            // contains them whole (a week inside one month gets its month), so that
            // filters keep their "contained in" meaning; a decade gets no term.
            const auto [first, last] = *range;
            const DateTerms t = date_terms(first);
            if (first.year == last.year && first.month == last.month)
                doc.add_boolean_term(std::string(kMentionedMonth) + t.month);
            if (first.year == last.year)
                doc.add_boolean_term(std::string(kMentionedYear) + t.year);
            else
                continue;
            rec.mentioned.push_back({d.value, std::string(granularity_name(d.granularity))});
        } else {
            continue;
        }
        rec.provenance.push_back({"mentioned", d.value, "\"" + d.surface + "\" " + d.rule + offset_note(d.span.begin)});
    }
    doc.add_value(kSlotSpeakers, join_values(rec.speakers));
    doc.add_value(kSlotPeople, join_values(rec.people));
    doc.add_value(kSlotPlaces, join_values(rec.places));
    doc.add_value(kSlotCountries, join_values(rec.countries));
    doc.add_value(kSlotCities, join_values(rec.cities));
    {
        std::vector<std::string> m;
        for (const auto& d : rec.mentioned)
            m.push_back(d.value);
        doc.add_value(kSlotMentioned, join_values(m));
    }

    // Quotes: one document each, every term under XQ (their unique term too, so no
    // article id can ever name a quote). The article's place and publication-date
    // filters are inherited, not its words, people or mentioned dates: those are what
    // a quote search narrows by, and every inherited term is written again per quote.
    const std::string qp(kQuotePrefix);
    std::vector<std::string> inherited;
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& t = *it;
        if (t.rfind(prefix("place"), 0) == 0 || t.rfind(prefix("city"), 0) == 0 ||
            ((t[0] == 'D' || t[0] == 'M' || t[0] == 'Y') && t.size() > 1 && t[1] >= '0' && t[1] <= '9'))
            inherited.push_back(safe_term(qp + t));
    }
    std::size_t n = 0;
    for (const Quote& q : x.quotes) {
        if (q.speaker.empty() || q.text.empty()) continue;
        Xapian::Document qd;
        const std::string uid = safe_term(qp + std::string(prefix("id")) + a.id + "#" + std::to_string(n++));
        qd.add_boolean_term(uid);
        qd.add_value(kSlotOrder, order_value(uid));
        qd.add_boolean_term(qp + std::string(prefix("type")) + "quote");
        add_boolean(qd, qp + std::string(prefix("parent")), a.id);
        index_text(qd, q.text, qp, 1, 0);
        if (q.speaker_is_person) {
            add_boolean(qd, qp + std::string(prefix("speaker")), fold_key(q.speaker));
            std::vector<std::string> surfaces;
            for (const PersonMention& m : x.people)
                if (m.name == q.speaker) surfaces.push_back(m.surface);
            for (const auto& k : person_keys(q.speaker, surfaces))
                add_boolean(qd, qp + std::string(prefix("speakerkey")), k + "=" + fold_key(q.speaker));
        }
        for (const std::string& t : inherited)
            qd.add_boolean_term(t);
        if (a.published) qd.add_value(kSlotPublished, compact_day(*a.published));
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

bool delete_article(Xapian::WritableDatabase& db, const std::string& id) {
    const std::string uid = safe_term(std::string(prefix("id")) + id);
    const bool existed = db.term_exists(uid);
    if (existed) db.delete_document(uid);
    const std::string parent = safe_term(std::string(kQuotePrefix) + std::string(prefix("parent")) + id);
    if (db.term_exists(parent)) db.delete_document(parent);
    return existed;
}

bool write_article(Xapian::WritableDatabase& db, const ArticleDocuments& docs) {
    const std::string parent = safe_term(std::string(kQuotePrefix) + std::string(prefix("parent")) + docs.id);
    const bool existed = db.term_exists(docs.unique_term);
    if (db.term_exists(parent)) db.delete_document(parent);
    db.replace_document(docs.unique_term, docs.article);
    for (const auto& [uid, qd] : docs.quotes)
        db.replace_document(uid, qd);
    return existed;
}

}  // namespace newsfacet
