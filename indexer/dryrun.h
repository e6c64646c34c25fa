// --dry-run: what extraction finds in an article, with spans and provenance.
#pragma once

#include <ostream>

#include "article.h"
#include "extraction.h"

namespace newsfacet {

/// Prints one article's extraction: a readable table (json = false) or one JSON object
/// on one line (JSON Lines; the shape is in docs/json.md). Spans are code-point
/// offsets into the decoded text.
void print_dry_run(const Article& a, const Extraction& x, bool json, std::ostream& out);

}  // namespace newsfacet
