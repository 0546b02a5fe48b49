// The wide-character ncurses API. SwiftPM drops pkg-config's -D flags, so the define that
// turns on get_wch/add_wch and friends lives here (DESIGN §6).
#ifndef WATCHFLOOR_CNCURSESW_SHIM_H
#define WATCHFLOOR_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
