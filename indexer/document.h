// Turning an analysed article into Xapian documents: the article and its quotes.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "article.h"
#include "extraction.h"

namespace newsfacet {

/// The documents for one article, ready to write.
struct ArticleDocuments {
    std::string id;           ///< the article id
    std::string unique_term;  ///< Q<id> (shortened with a hash when very long)
    Xapian::Document article;
    std::vector<std::pair<std::string, Xapian::Document>> quotes;  ///< unique term, document
};

/// Adds the words of `text` as terms (with positions from `pos`) and stems, the way
/// Xapian's TermGenerator with STEM_SOME would, but through newsfacet's ICU analysis.
/// Returns the next free position.
Xapian::termpos index_text(Xapian::Document& doc, std::string_view text, std::string_view prefix,
                           Xapian::termcount wdf_inc, Xapian::termpos pos);

/// Look-up keys for a person: folded full name, surname, and the surnames of the
/// other spellings seen in the article ("smyth" beside "john smythe").
std::vector<std::string> person_keys(const std::string& canonical, const std::vector<std::string>& surfaces);

/// Builds the article document and one document per quote with a speaker.
ArticleDocuments build_documents(const Article& article, const Extraction& x);

/// Deletes an article and its quotes by id; returns false when it was not there.
bool delete_article(Xapian::WritableDatabase& db, const std::string& id);

/// Writes (replacing) an article and its quotes. Returns true when it replaced one.
bool write_article(Xapian::WritableDatabase& db, const ArticleDocuments& docs);

}  // namespace newsfacet
