// dump-cldr-regions: prints ICU's English CLDR region names as TSV
// (table, region code, name), where table is "Countries" (the standard name),
// "Countries%short" ("UK", "US") or "Countries%variant" ("Ivory Coast").
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
    return 0;
}
