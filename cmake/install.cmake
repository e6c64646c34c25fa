# cmake --install: the two programs, their man pages and bash completion.
#
# The reference data (gazetteer, names, tagger model) is linked into the binaries
# (cmake/embed.cmake), so nothing under data/ is installed and an installed binary
# needs no source tree. newsfacet-bench and newsfacet-eval are not installed: they
# measure the source tree's code against corpora and gold data (../shared) and need
# the developer packages (xapian-tools, gnuplot); they run from build/bin.
include(GNUInstallDirs)
set(NEWSFACET_PROGRAMS newsfacet-index newsfacet-query)
install(TARGETS ${NEWSFACET_PROGRAMS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# bash-completion loads completions/NAME when NAME is first completed: one copy per
# program, of the one script.
foreach(prog ${NEWSFACET_PROGRAMS})
  install(FILES ${PROJECT_SOURCE_DIR}/completions/newsfacet
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ${prog})
endforeach()

# Man pages: help2man runs each built program's --help (the text the program prints:
# synopsis, description, every option) and adds the sections of docs/man/PROGRAM.h2m
# (query syntax, facets, progress, exit status, environment, files, examples);
# docs/man/tidy.sed then mends what help2man misreads in CLI11's layout and drops the
# --help footer's short summaries that those sections give in full. The version is
# the project's (the binaries print the same). Without help2man the build goes on
# without them.
find_program(NEWSFACET_HELP2MAN help2man)
if(NEWSFACET_HELP2MAN)
  set(pages)
  foreach(prog ${NEWSFACET_PROGRAMS})
    set(include ${PROJECT_SOURCE_DIR}/docs/man/${prog}.h2m)
    set(tidy ${PROJECT_SOURCE_DIR}/docs/man/tidy.sed)
    set(page ${CMAKE_BINARY_DIR}/man/${prog}.1)
    add_custom_command(
      OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      # NO_COLOR and a fixed COLUMNS: the text help2man reads does not depend on
      # the shell that runs the build.
      COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 COLUMNS=80
              ${NEWSFACET_HELP2MAN} --no-info --no-discard-stderr --include ${include}
              --source "newsfacet ${PROJECT_VERSION}" --manual "newsfacet manual"
              --version-string "${PROJECT_VERSION}" --output ${page} $<TARGET_FILE:${prog}>
      COMMAND sed -E -i -f ${tidy} ${page}
      DEPENDS ${prog} ${include} ${tidy}
      COMMENT "Generating the man page ${prog}.1 with help2man"
      VERBATIM)
    list(APPEND pages ${page})
  endforeach()
  add_custom_target(newsfacet-man ALL DEPENDS ${pages})
  install(FILES ${pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: man pages are skipped (Debian package help2man)")
endif()
