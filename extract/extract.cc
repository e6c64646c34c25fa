#include "extract.h"

#include <algorithm>

#include "people.h"

namespace newsfacet {

Extraction extract(const Article& article) {
    Extraction x;
    const std::string_view text = article.text;
    // One decoding and classifying pass over the text; every finder reads its own view
    // of these atoms (tokens.h).
    const TokenLayer layer(text);
    // Places first: the people finder needs them so that "Jordan" in "Jordan said"
    // can be weighed against the place, and places inside a person's name go.
    std::vector<PlaceMention> places = find_places(layer);
    // With a model, the tagger decides which names are people, places or neither; the
    // rule-based finders remain for a binary built without one.
    const std::vector<TaggedEntity> tagged = tag_entities(layer);
    // The people and quote finders read the same view of the layer (people.h).
    std::vector<detail::Token> toks = detail::tokenize(layer);
    if (!tagged.empty() || !ner::Model::instance().empty()) {
        places = confirm_places(text, std::move(places), tagged);
        x.people = find_people(text, toks, places, tagged);
    } else {
        x.people = find_people(text, places);
    }
    x.quotes = find_quotes(text, std::move(toks), x.people);
    std::erase_if(places, [&](const PlaceMention& p) {
        return std::any_of(x.people.begin(), x.people.end(), [&](const PersonMention& m) {
            return p.span.begin < m.span.end && m.span.begin < p.span.end;
        });
    });
    x.places = std::move(places);
    x.dates = find_dates(layer, article.published);
    return x;
}

}  // namespace newsfacet
