// Turning an analysed article into Xapian documents: the article and its quotes.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "article.h"
#include "extraction.h"

namespace newsfacet {

/// The documents for one article, ready to write.
struct ArticleDocuments {
    std::string id;           ///< the article id
    std::string source_name;  ///< its source as shown in messages
    std::string unique_term;  ///< Q<source> (shortened with a hash when very long)
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

/// Spelling data ("did you mean", Database::get_spelling_suggestion): the article's
/// distinct words of kMinSpellingBytes to kMaxSpellingBytes bytes, without digits
/// (numbers and the hashes of long terms are left out), each
/// counted once per article.
inline constexpr std::size_t kMinSpellingBytes = 3;
inline constexpr std::size_t kMaxSpellingBytes = 40;
bool is_spelling_word(std::string_view term);

/// The spelling words of the articles written since the last commit, counted, so that
/// Xapian's spelling table gets one add_spelling (or remove_spelling) per word and
/// batch instead of one per word and article. flush() before every commit.
class SpellingBatch {
  public:
    /// Counts the spelling words of an article document: +1 each, or -1 (`add` false).
    void count(const Xapian::Document& doc, bool add);
    /// Writes the counts to `db` (within its open transaction) and forgets them; a
    /// backend without spelling data (in-memory) is written without them.
    void flush(Xapian::WritableDatabase& db);

  private:
    std::unordered_map<std::string, long> delta_;
};

/// An article in the database: its unique term (Q<source>) and its source as shown.
struct StoredArticle {
    std::string unique_term;
    std::string source_name;
};

/// The articles holding an id (XID<id>): none, one, or several from different sources.
std::vector<StoredArticle> articles_with_id(const Xapian::Database& db, const std::string& id);

/// The articles read from a file (XFILE<canonical path>).
std::vector<StoredArticle> articles_of_file(const Xapian::Database& db, const std::string& canonical_path);

/// Deletes the article with this unique term and its quotes; false when it was not
/// there. Its words leave the spelling data (through `spelling` when given, else at
/// once).
bool delete_article(Xapian::WritableDatabase& db, const std::string& unique_term, SpellingBatch* spelling = nullptr);

/// What --delete ID or --delete-file FILE did, over the databases given (one, or the
/// shards of a sharded database).
struct DeleteOutcome {
    std::size_t deleted = 0;           ///< articles deleted (with their quotes)
    std::vector<std::string> sources;  ///< the sources holding the id or file
};

/// --delete ID: deletes the article with this id when exactly one has it; when
/// several do (from different sources), deletes none and lists their sources.
DeleteOutcome delete_id(const std::vector<Xapian::WritableDatabase*>& dbs, const std::string& id);

/// --delete-file FILE: deletes every article read from the file (its canonical path).
DeleteOutcome delete_file(const std::vector<Xapian::WritableDatabase*>& dbs, const std::string& canonical_path);

/// A file that articles in the database were read from: its stamp when read (empty
/// when its articles disagree, so that it is read again) and its articles.
struct IndexedFile {
    std::string stamp;
    Xapian::doccount articles = 0;
};

/// Every file the databases' articles came from, by canonical path (from the value
/// kSlotFileStamp of one article per file term).
std::map<std::string, IndexedFile> indexed_files(const std::vector<Xapian::WritableDatabase*>& dbs);

/// After a file was read again: deletes its articles that the new version no longer
/// holds (a JSON Lines record removed; their stamp is not `stamp`), provided that at
/// least one article came from the new version. Returns the articles deleted.
std::size_t delete_stale(const std::vector<Xapian::WritableDatabase*>& dbs, const std::string& canonical_path,
                         const std::string& stamp);

/// What writing an article did.
struct WriteOutcome {
    bool replaced = false;     ///< its source was in the database: that article was replaced
    std::string duplicate_of;  ///< another source's article has the same id (both kept): that source
    Xapian::docid docid = 0;   ///< the article's document id
};

/// Writes an article and its quotes, replacing those of the same source (never those
/// of another source with the same id), and its words' spelling data (through
/// `spelling` when given, else at once).
WriteOutcome write_article(Xapian::WritableDatabase& db, const ArticleDocuments& docs,
                           SpellingBatch* spelling = nullptr);

}  // namespace newsfacet
