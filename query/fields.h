// Field filters typed in queries (speaker:, person:, place:, city:, date:,
// mentioned:, id:) and given as -f NAME[:LEVEL]=VALUE: each value becomes a Xapian
// query over the boolean terms the indexer wrote, through the schema table
// (common/schema.h) and value_terms.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "error.h"
#include "reldate.h"
#include "schema.h"

namespace newsfacet {

/// The field a filter name selects: a field name or alias ("published"), or a facet
/// and level ("place:city" filters on city, "published:year" on date); nullptr when
/// it names no field that can be filtered on.
const Field* filter_field(std::string_view name);
/// The most field:value filters one query may hold (exit 2 beyond).
inline constexpr std::size_t kMaxFilterValues = 100;

/// Builds filter queries against one database, for articles ("") or quotes ("XQ").
class FilterBuilder {
  public:
    FilterBuilder(const Xapian::Database& db, std::string kind_prefix) : db_(db), kp_(std::move(kind_prefix)) {}

    /// The day relative dates (date:7d.., date:yesterday) count from; local today by
    /// default.
    void set_today(const Ymd& today) { today_ = today; }

    /// The query for a filter (a name filter_field accepts) and a value as typed; an
    /// Error (exit 2) for an unknown field, an empty value or an invalid date. Adds
    /// notes such as "speaker:Smith is ambiguous" to `warnings`.
    /// With `facet_value` (-f), a value the index holds as it is given selects just
    /// that value, so that selecting a facet value gives the count the facet showed.
    Result<Xapian::Query> filter(const std::string& name, const std::string& value, std::vector<std::string>& warnings,
                                 bool facet_value = false) const;

  private:
    Result<Xapian::Query> person(const Field& f, const std::string& value, std::vector<std::string>& warnings,
                                 bool facet_value) const;
    Result<Xapian::Query> date(const Field& f, const std::string& name, const std::string& value) const;
    /// "did you mean": the values of `f` in the index nearest to `typed` (edit
    /// distance), as the facets show them; empty when none is near.
    std::string suggest(const Field& f, const std::string& typed) const;
    /// The facet display form of a folded key of `f`.
    std::string display(const Field& f, const std::string& key) const;
    void warn_unmatched(const Field& f, const std::string& name, const std::string& value,
                        std::vector<std::string>& warnings) const;
    const Xapian::Database& db_;
    std::string kp_;
    Ymd today_ = local_today();
};

/// Registers a field processor on a QueryParser for every filter field and alias in
/// the schema; they live as long as it does. The first invalid filter value is stored
/// in `error` (to throw after parsing: an exception thrown inside QueryParser leaks).
void add_field_processors(Xapian::QueryParser& qp, const FilterBuilder& fb, std::vector<std::string>& warnings,
                          std::optional<Error>& error);

/// A parsed query for people: operators and field names instead of term prefixes,
/// e.g. `(stem:ceasefir AND place:japan) FILTER date:2024` (--explain).
std::string describe_query(const Xapian::Query& q, const std::string& kind_prefix);

}  // namespace newsfacet
