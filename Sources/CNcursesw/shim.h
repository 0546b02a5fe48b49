// The wide-character ncurses API. SwiftPM drops pkg-config's -D flags, so the define that
// turns on get_wch/add_wch and friends lives here (DESIGN §6). The small functions below
// wrap what ncurses offers only as macros or mutable globals, which Swift cannot use safely.
#ifndef WATCHFLOOR_CNCURSESW_SHIM_H
#define WATCHFLOOR_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *wf_stdscr(void) { return stdscr; }
static inline int wf_colors(void) { return COLORS; }
static inline int wf_color_pairs(void) { return COLOR_PAIRS; }
static inline int wf_lines(void) { return LINES; }
static inline int wf_cols(void) { return COLS; }
static inline int wf_key_resize(void) { return KEY_RESIZE; }

/// Draws one character cell: a wide character with its combining marks (up to 4 more),
/// attributes and a colour pair.
static inline int wf_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

static inline attr_t wf_attr_bold(void) { return A_BOLD; }
static inline attr_t wf_attr_reverse(void) { return A_REVERSE; }
static inline attr_t wf_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t wf_attr_dim(void) { return A_DIM; }
#endif
