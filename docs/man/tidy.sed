# The man page help2man writes from a CLI11 --help, tidied (sed -E; run by
# cmake/install.cmake after help2man).
# "-n,--limit", "--color,--colour": every name of an option in bold, not the first only.
s/^(\\fB[^ ]*\\fR),((\\-)+[A-Za-z]([A-Za-z]|\\-)*)/\1, \\fB\2\\fR/
# A description that begins with an option name ("--stub   --db names ..."): help2man
# takes both for the option; the description goes on a line of its own.
/^\.HP$/{
  N
  s/^\.HP\n(\\fB[^ ]*\\fR) {2,}(.*)$/.TP\n\1\n\2/
}
# The --help footer's summary of the query syntax and the exit status line (footer or
# description): the sections QUERY SYNTAX and EXIT STATUS of docs/man/*.h2m give them
# in full. The rest of the footer (the fields, anything added later) stays.
/^\.SS "Query syntax:"/,/^\.S[SH]/{
  /^\.SS "Query syntax:"/d
  /^\.S[SH]/!d
}
/^Exit status:/,/^\./{
  /^\./!d
}
# "--fields"-style lines set their example apart with blanks, which a page would
# stretch: a semicolon instead.
s/ {2,}e\.g\. /; e.g. /
