/* dump-geonames: prints libgeonames' built-in city table as TSV
 * (name, state, country name, country code, population, latitude, longitude, GeoNames id).
 * The id keys the city's names in other languages in libgeonames-common's geonames.mo
 * catalogues ("München" for 2867714 in de).
 *
 * Built and run only by scripts/build-gazetteer.sh. libgeonames is GPL-3, so this
 * helper is never linked into anything that ships: only its output (GeoNames data,
 * CC-BY-4.0) reaches data/gazetteer.tsv. */
#include <geonames/geonames.h>
#include <stdio.h>

int main(void) {
    const gint n = geonames_get_n_cities();
    for (gint i = 0; i < n; i++) {
        GeonamesCity* c = geonames_get_city(i);
        if (!c) continue;
        const gchar* id = NULL;
        g_variant_get_child(c, 0, "&s", &id);
        printf("%s\t%s\t%s\t%s\t%u\t%.4f\t%.4f\t%s\n", geonames_city_get_name(c), geonames_city_get_state(c),
               geonames_city_get_country(c), geonames_city_get_country_code(c), geonames_city_get_population(c),
               geonames_city_get_latitude(c), geonames_city_get_longitude(c), id);
        geonames_city_free(c);
    }
    return 0;
}
