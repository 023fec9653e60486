# SPDX-License-Identifier: GPL-3.0-or-later
# specula_add_test(<name> <source> LIBS <libs...> [LABELS <labels...>] [TIMEOUT <s>])
# One test executable per test file, linked against the project's libraries only.
function(specula_add_test name source)
    cmake_parse_arguments(ARG "" "TIMEOUT" "LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${source})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
    add_test(NAME ${name} COMMAND ${name})
    set(timeout 300)
    if(ARG_TIMEOUT)
        set(timeout ${ARG_TIMEOUT})
    endif()
    # Widgets render offscreen; tests find fixtures and the project's own executables here.
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${timeout}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SPECULA_SOURCE_DIR=${PROJECT_SOURCE_DIR};SPECULA_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared;SPECULA_BINARY_DIR=${PROJECT_BINARY_DIR};${SPECULA_SANITIZER_ENVIRONMENT}")
endfunction()

# Read by sanitized builds only (the asan preset); see tests/lsan.supp.
set(SPECULA_SANITIZER_ENVIRONMENT "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
