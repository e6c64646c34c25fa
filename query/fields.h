// Field filters typed in queries (speaker:, person:, place:, city:, date:,
// mentioned:, id:) and given as -f NAME=VALUE: each value becomes a Xapian query over
// the boolean terms the indexer wrote (common/schema.h).
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "error.h"
#include "reldate.h"

namespace newsfacet {

/// The most field:value filters one query may hold (exit 2 beyond).
inline constexpr std::size_t kMaxFilterValues = 100;

/// Builds filter queries against one database, for articles ("") or quotes ("XQ").
class FilterBuilder {
  public:
    FilterBuilder(const Xapian::Database& db, std::string kind_prefix) : db_(db), kp_(std::move(kind_prefix)) {}

    /// The day relative dates (date:7d.., date:yesterday) count from; local today by
    /// default.
    void set_today(const Ymd& today) { today_ = today; }

    /// The query for field `name` (speaker, person, place, city, date, published,
    /// mentioned, id) and a value as typed. Throws Failure (exit 2) for an unknown
    /// field or an invalid date; adds notes such as "speaker:Smith is ambiguous" to
    /// `warnings`.
    Xapian::Query filter(const std::string& name, const std::string& value, std::vector<std::string>& warnings) const;

    /// The facet names accepted by -f (the same as the query fields).
    static bool is_filter_field(const std::string& name);

  private:
    Xapian::Query person(const std::string& field, const std::string& key_field, const std::string& value,
                         std::vector<std::string>& warnings) const;
    Xapian::Query date(bool published, const std::string& field, const std::string& value) const;
    const Xapian::Database& db_;
    std::string kp_;
    Ymd today_ = local_today();
};

/// Registers the field processors on a QueryParser; they live as long as it does.
/// The first invalid filter value is stored in `error` (to throw after parsing).
void add_field_processors(Xapian::QueryParser& qp, const FilterBuilder& fb, std::vector<std::string>& warnings,
                          std::optional<Error>& error);

}  // namespace newsfacet
