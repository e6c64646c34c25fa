// dump-cldr-regions: prints ICU's English CLDR region names as TSV
// (table, region code, name), where table is "Countries" (the standard name),
// "Countries%short" ("UK", "US") or "Countries%variant" ("Ivory Coast"); then CLDR's
// territory containment (UN M49 and its groupings) as ("contains", parent, child):
// "150 151" (Europe contains Eastern Europe), "151 RU", "419 005" (Latin America
// contains South America).
//
// Built and run only by scripts/build-gazetteer.sh; the product never reads ICU's
// region bundle at run time, it reads the generated data/gazetteer.tsv.
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utypes.h>

#include <iostream>
#include <string>

int main() {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-region", "en", &status);
    if (U_FAILURE(status)) {
        std::cerr << "dump-cldr-regions: cannot open the ICU region bundle: " << u_errorName(status) << "\n";
        return 1;
    }
    for (const char* table : {"Countries", "Countries%short", "Countries%variant"}) {
        UErrorCode s = U_ZERO_ERROR;
        UResourceBundle* t = ures_getByKey(bundle, table, nullptr, &s);
        if (U_FAILURE(s)) continue;
        const int32_t n = ures_getSize(t);
        for (int32_t i = 0; i < n; i++) {
            UErrorCode e = U_ZERO_ERROR;
            UResourceBundle* item = ures_getByIndex(t, i, nullptr, &e);
            int32_t len = 0;
            const UChar* v = ures_getString(item, &len, &e);
            if (U_SUCCESS(e)) {
                std::string utf8;
                icu::UnicodeString(v, len).toUTF8String(utf8);
                std::cout << table << '\t' << ures_getKey(item) << '\t' << utf8 << '\n';
            }
            ures_close(item);
        }
        ures_close(t);
    }
    ures_close(bundle);

    UErrorCode st = U_ZERO_ERROR;
    UResourceBundle* supplemental = ures_openDirect(nullptr, "supplementalData", &st);
    UResourceBundle* containment = ures_getByKey(supplemental, "territoryContainment", nullptr, &st);
    if (U_FAILURE(st)) {
        std::cerr << "dump-cldr-regions: no territory containment in ICU: " << u_errorName(st) << "\n";
        return 1;
    }
    // Top-level keys are the M49 tree; "grouping" holds groupings that cut across it
    // (003 North America, 419 Latin America, 202 Sub-Saharan Africa, and EU ...).
    auto print_children = [](UResourceBundle* group) {
        const int32_t n = ures_getSize(group);
        for (int32_t j = 0; j < n; j++) {
            UErrorCode e = U_ZERO_ERROR;
            int32_t len = 0;
            const UChar* v = ures_getStringByIndex(group, j, &len, &e);
            if (U_FAILURE(e)) {  // a grouping lists its members as one-element arrays
                e = U_ZERO_ERROR;
                UResourceBundle* item = ures_getByIndex(group, j, nullptr, &e);
                v = ures_getStringByIndex(item, 0, &len, &e);
                ures_close(item);
            }
            if (U_FAILURE(e)) continue;
            std::string utf8;
            icu::UnicodeString(v, len).toUTF8String(utf8);
            std::cout << "contains\t" << ures_getKey(group) << '\t' << utf8 << '\n';
        }
    };
    const int32_t n = ures_getSize(containment);
    for (int32_t i = 0; i < n; i++) {
        UErrorCode e = U_ZERO_ERROR;
        UResourceBundle* group = ures_getByIndex(containment, i, nullptr, &e);
        const std::string key = ures_getKey(group);
        if (key == "grouping") {
            for (int32_t k = 0; k < ures_getSize(group); k++) {
                UErrorCode e2 = U_ZERO_ERROR;
                UResourceBundle* g = ures_getByIndex(group, k, nullptr, &e2);
                if (U_SUCCESS(e2)) print_children(g);
                ures_close(g);
            }
        } else if (ures_getType(group) == URES_ARRAY && key != "containedGroupings" && key != "deprecated") {
            print_children(group);
        }
        ures_close(group);
    }
    ures_close(containment);
    ures_close(supplemental);
    return 0;
}
