#include "fts5.h"

#include <sqlite3.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

#include "corpus.h"

namespace newsfacet::bench {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    throw std::runtime_error("SQLite: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : "error";
        sqlite3_free(err);
        throw std::runtime_error(std::string("SQLite: ") + sql + ": " + msg);
    }
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK) fail(db, sql);
    return st;
}

/// "YYYY-MM-DD" -> YYYYMM; 0 for no date.
int month_of(const std::string& date) {
    if (date.size() < 7) return 0;
    int m = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4) continue;
        if (date[i] < '0' || date[i] > '9') return 0;
        m = m * 10 + (date[i] - '0');
    }
    return m;
}

/// Binds the MATCH expression (or nothing, for the match-all statements) and resets.
void bind_match(sqlite3* db, sqlite3_stmt* st, const std::string& match) {
    sqlite3_reset(st);
    if (!match.empty() && sqlite3_bind_text(st, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC) != SQLITE_OK)
        fail(db, "bind");
}

int step(sqlite3* db, sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db, sqlite3_sql(st));
    return rc;
}

}  // namespace

int fts5_index(const std::string& db_path, const std::string& jsonl) {
    const std::vector<BenchDoc> docs = read_corpus(jsonl);
    std::remove(db_path.c_str());
    sqlite3* db = nullptr;
    if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) fail(db, "open " + db_path);
    try {
        // A bulk load: no rollback journal needed, no fsync per statement.
        exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        exec(db,
             "CREATE TABLE doc(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, month INTEGER NOT NULL);"
             "CREATE VIRTUAL TABLE articles USING fts5(title, body, tokenize = 'porter unicode61');");
        exec(db, "BEGIN");
        sqlite3_stmt* ins_doc = prepare(db, "INSERT INTO doc(id, key, month) VALUES (?1, ?2, ?3)");
        sqlite3_stmt* ins_fts = prepare(db, "INSERT INTO articles(rowid, title, body) VALUES (?1, ?2, ?3)");
        sqlite3_int64 rowid = 0;
        for (const BenchDoc& d : docs) {
            ++rowid;
            sqlite3_reset(ins_doc);
            sqlite3_bind_int64(ins_doc, 1, rowid);
            sqlite3_bind_text(ins_doc, 2, d.id.data(), static_cast<int>(d.id.size()), SQLITE_STATIC);
            sqlite3_bind_int(ins_doc, 3, month_of(d.date));
            if (sqlite3_step(ins_doc) != SQLITE_DONE) fail(db, "insert doc " + d.id);
            sqlite3_reset(ins_fts);
            sqlite3_bind_int64(ins_fts, 1, rowid);
            sqlite3_bind_text(ins_fts, 2, d.title.data(), static_cast<int>(d.title.size()), SQLITE_STATIC);
            sqlite3_bind_text(ins_fts, 3, d.body.data(), static_cast<int>(d.body.size()), SQLITE_STATIC);
            if (sqlite3_step(ins_fts) != SQLITE_DONE) fail(db, "insert article " + d.id);
        }
        sqlite3_finalize(ins_doc);
        sqlite3_finalize(ins_fts);
        exec(db, "COMMIT");
        // A static index: merge all segments into one, as the FTS5 documentation advises.
        exec(db, "INSERT INTO articles(articles) VALUES ('optimize')");
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
    return 0;
}

std::string fts5_match(const std::string& text) {
    std::string out;
    bool operand_before = false;  // the last item ends an operand: a word, a phrase or ')'
    auto operand = [&](const std::string& item) {
        if (operand_before) out += " OR ";
        else if (!out.empty()) out += ' ';
        out += item;
        operand_before = true;
    };
    auto quote = [](const std::string& w) {
        std::string q = "\"";
        for (char c : w) {
            if (c == '"') q += '"';
            q += c;
        }
        return q + "\"";
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (c == '"') {
            std::size_t e = text.find('"', i + 1);
            if (e == std::string::npos) e = text.size();
            const std::string inner = text.substr(i + 1, e - i - 1);
            if (inner.find_first_not_of(' ') != std::string::npos) operand(quote(inner));
            i = e + 1;
        } else if (c == '(') {
            if (operand_before) out += " OR ";
            else if (!out.empty()) out += ' ';
            out += '(';
            operand_before = false;
            ++i;
        } else if (c == ')') {
            if (!out.empty() && out.back() != '(') {
                out += ')';
                operand_before = true;
            } else if (!out.empty()) {
                out.pop_back();  // "()": nothing inside
            }
            ++i;
        } else {
            std::size_t e = i;
            while (e < text.size() && text[e] != ' ' && text[e] != '\t' && text[e] != '"' && text[e] != '(' &&
                   text[e] != ')')
                ++e;
            const std::string w = text.substr(i, e - i);
            if ((w == "AND" || w == "OR" || w == "NOT") && operand_before) {
                out += ' ' + w;
                operand_before = false;
            } else if (w != "AND" && w != "OR" && w != "NOT") {
                operand(quote(w));
            }
            i = e;
        }
    }
    // A dangling operator at the end ("a AND") is dropped.
    for (const char* op : {" AND", " OR", " NOT"}) {
        const std::string s = op;
        if (!operand_before && out.size() >= s.size() && out.compare(out.size() - s.size(), s.size(), s) == 0)
            out.erase(out.size() - s.size());
    }
    return out;
}

Fts5Searcher::Fts5Searcher(const std::string& db_path) {
    if (sqlite3_open_v2(db_path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("SQLite: open " + db_path + ": " + msg);
    }
    try {
        top_ = prepare(db_, "SELECT rowid, title, body FROM articles WHERE articles MATCH ?1 ORDER BY rank LIMIT 10");
        facet_ = prepare(db_,
                         "SELECT doc.month, count(*) FROM articles JOIN doc ON doc.id = articles.rowid "
                         "WHERE articles MATCH ?1 GROUP BY doc.month");
        count_ = prepare(db_, "SELECT count(*) FROM articles WHERE articles MATCH ?1");
        top_all_ = prepare(db_, "SELECT rowid, title, body FROM articles LIMIT 10");
        facet_all_ = prepare(db_, "SELECT month, count(*) FROM doc GROUP BY month");
        count_all_ = prepare(db_, "SELECT count(*) FROM doc");
    } catch (...) {
        close();
        throw;
    }
}

Fts5Searcher::~Fts5Searcher() {
    close();
}

void Fts5Searcher::close() {
    for (sqlite3_stmt* st : {top_, facet_, count_, top_all_, facet_all_, count_all_})
        sqlite3_finalize(st);
    sqlite3_close(db_);
    db_ = nullptr;
    top_ = facet_ = count_ = top_all_ = facet_all_ = count_all_ = nullptr;
}

std::size_t Fts5Searcher::top10(const std::string& match) {
    sqlite3_stmt* st = match.empty() ? top_all_ : top_;
    bind_match(db_, st, match);
    std::size_t rows = 0;
    while (step(db_, st) == SQLITE_ROW) {
        ++rows;
        sink_ += static_cast<std::size_t>(sqlite3_column_bytes(st, 1)) +
                 static_cast<std::size_t>(sqlite3_column_bytes(st, 2));
    }
    return rows;
}

std::uint64_t Fts5Searcher::top10_with_facet(const std::string& match) {
    top10(match);
    sqlite3_stmt* st = match.empty() ? facet_all_ : facet_;
    bind_match(db_, st, match);
    std::uint64_t total = 0;
    while (step(db_, st) == SQLITE_ROW) {
        sink_ += static_cast<std::size_t>(sqlite3_column_int(st, 0));
        total += static_cast<std::uint64_t>(sqlite3_column_int64(st, 1));
    }
    return total;
}

std::uint64_t Fts5Searcher::count(const std::string& match) {
    sqlite3_stmt* st = match.empty() ? count_all_ : count_;
    bind_match(db_, st, match);
    std::uint64_t n = 0;
    if (step(db_, st) == SQLITE_ROW) n = static_cast<std::uint64_t>(sqlite3_column_int64(st, 0));
    return n;
}

}  // namespace newsfacet::bench
