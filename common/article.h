// An article as read from disk or stdin: decoded text, headline, publication date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "extraction.h"

namespace newsfacet {

/// One article, decoded and split into headline and body.
struct Article {
    std::string id;    ///< stable id: the file's stem ("000_9a5ad2e1a0c9bfef")
    std::string path;  ///< where it was read from ("-" for stdin)
    /// What the article is, as the database's unique key (docs/input.md): the file's
    /// canonical path; for a file of many articles (JSON Lines, SGML) that path, a NUL
    /// and the record's key ("id:ID", "line:N", "newid:N"); stdin "stdin:<hash>".
    /// Empty (tests): the id stands for it.
    std::string source;
    std::string file;         ///< the canonical path of the file it came from; empty for stdin
    std::string source_name;  ///< the source as shown in messages ("/news/a.jsonl:3")
    /// What the file was when read (size, modification time ...: file_stamp in
    /// reader.h); empty for stdin.
    std::string file_stamp;
    /// The whole decoded text: UTF-8, BOM removed, CR LF -> LF, invalid bytes -> U+FFFD.
    /// Every Span in an Extraction points into this string.
    std::string text;
    std::string title;             ///< headline, or a shortened first sentence when there is none
    bool title_from_text = false;  ///< true when the title was derived from the first sentence
    Span title_span;               ///< where the headline is in text (empty when derived)
    std::string standfirst;        ///< optional second line under the headline
    std::size_t body_begin = 0;    ///< byte offset in text where the body starts
    std::optional<Ymd> published;
    std::string published_source;  ///< "manifest", "--published", "front-matter", "jsonl"
};

/// Problems found while decoding, reported as warnings (the article is still usable).
struct DecodeReport {
    std::size_t invalid_bytes = 0;         ///< bytes replaced by U+FFFD
    std::size_t first_invalid_offset = 0;  ///< byte offset of the first invalid byte in the input
    bool had_bom = false;
};

/// Why a file could not be used at all.
enum class RejectReason { none, empty, binary };

/// Decodes raw bytes into UTF-8 text (see Article::text). Returns the reason when the
/// input is empty (only white space, see is_blank in text.h) or binary (NUL bytes or
/// mostly control bytes).
RejectReason decode_text(std::string_view raw, std::string& out, DecodeReport& report);

/// Finds the headline, standfirst and body of decoded text and fills title fields.
void split_article(Article& a);

/// Shortens a sentence to at most max_chars code points at a word boundary, adding "…".
std::string shorten_title(std::string_view sentence, std::size_t max_chars = 80);

}  // namespace newsfacet
