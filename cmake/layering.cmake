# The layering of docs/architecture.md: the ICU-only core, extract/ and the reader
# link no Xapian. Two guards:
#  newsfacet_forbid_xapian(TARGET)  puts cmake/no-xapian first on TARGET's include
#      path, so an #include <xapian.h> in its sources stops the build with a message;
#  newsfacet_check_no_xapian(TARGET...)  (called once every target exists) fails the
#      configuration when TARGET links Xapian, directly or through another target.
function(newsfacet_forbid_xapian target)
  target_include_directories(${target} BEFORE PRIVATE ${PROJECT_SOURCE_DIR}/cmake/no-xapian)
  set_property(GLOBAL APPEND PROPERTY NEWSFACET_NO_XAPIAN_TARGETS ${target})
endfunction()

function(_newsfacet_links_xapian target out)
  set(found FALSE)
  get_target_property(libs ${target} LINK_LIBRARIES)
  if(libs)
    foreach(lib ${libs})
      if(lib STREQUAL "PkgConfig::XAPIAN")
        set(found TRUE)
      elseif(TARGET ${lib} AND lib MATCHES "^newsfacet_")
        _newsfacet_links_xapian(${lib} sub)
        if(sub)
          set(found TRUE)
        endif()
      endif()
    endforeach()
  endif()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

function(newsfacet_check_no_xapian)
  get_property(targets GLOBAL PROPERTY NEWSFACET_NO_XAPIAN_TARGETS)
  foreach(t ${targets})
    _newsfacet_links_xapian(${t} bad)
    if(bad)
      message(FATAL_ERROR "${t} links Xapian; it must link ICU only (docs/architecture.md)")
    endif()
  endforeach()
endfunction()
