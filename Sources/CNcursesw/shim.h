#ifndef TEZGAH_CNCURSESW_SHIM_H
#define TEZGAH_CNCURSESW_SHIM_H

// Wide-character ncurses. Swift cannot import the macros (attributes, COLOR_PAIR, getmaxyx) or the
// global `stdscr` safely, so this shim wraps each in a small inline function.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <poll.h>
#include <sys/ioctl.h>

/// Sets the character type (LC_CTYPE) only: ncursesw needs the encoding (UTF-8) and the C library's
/// character widths before it starts, and tezgah formats numbers and dates itself, so taking every
/// category would read a dozen locale files at each start for nothing. `name` "" means the
/// environment's. Returns the name set, or NULL when that locale is not installed.
static inline const char *tz_set_ctype(const char *name) { return setlocale(LC_CTYPE, name); }
/// The character set of the locale now set ("UTF-8", "ANSI_X3.4-1968" for C/POSIX…).
static inline const char *tz_codeset(void) { return nl_langinfo(CODESET); }
static inline WINDOW *tz_start(void) { return initscr(); }
static inline WINDOW *tz_stdscr(void) { return stdscr; }
static inline int tz_rows(void) { return getmaxy(stdscr); }
static inline int tz_cols(void) { return getmaxx(stdscr); }
static inline int tz_colors(void) { return COLORS; }
static inline int tz_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t tz_attr_bold(void) { return A_BOLD; }
static inline attr_t tz_attr_dim(void) { return A_DIM; }
static inline attr_t tz_attr_reverse(void) { return A_REVERSE; }
static inline attr_t tz_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t tz_attr_italic(void) { return A_ITALIC; }

/// Defines a colour pair. With ncurses' extended colours (ABI 6) the colours are ints, which a
/// direct-colour terminal (`xterm-direct`, COLORS = 2^24) needs for its 0xRRGGBB values.
static inline int tz_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}

/// Draws one display cell (a base character plus up to four combining marks) at (y, x).
static inline int tz_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
#if NCURSES_EXT_COLORS
    // The pair as an int through `opts`, so more than 32767 pairs' numbers are not cut short.
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
#else
    if (setcchar(&cell, text, attrs, (short)pair, NULL) != OK) return ERR;
#endif
    return mvadd_wch(y, x, &cell);
}

/// Reads one key: returns OK with a character, KEY_CODE_YES with a function key, or ERR on timeout.
static inline int tz_get_key(wint_t *out) { return get_wch(out); }

/// Whether the terminal's input has ended: hung up, or readable with nothing to read (end of file).
/// Asked after get_wch found no key, so a key that arrives meanwhile counts as input, not an end.
static inline int tz_input_ended(void) {
    struct pollfd input = { .fd = 0, .events = POLLIN, .revents = 0 };
    if (poll(&input, 1, 0) <= 0) return 0;
    if (input.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    int pending = 0;
    return ioctl(0, FIONREAD, &pending) == 0 && pending == 0;
}

/// The C library's column width of a character (what ncursesw uses); -1 for non-printable.
int wcwidth(wchar_t c);
static inline int tz_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/// Whether the terminal `TERM` names can move the cursor (terminfo `cup`): a `dumb` terminal, or one
/// the system has no description of, cannot show the desk. 1 yes, 0 no, -1 unknown to terminfo.
#include <term.h>
static inline int tz_terminal_can_address(const char *term) {
    int error = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, 1, &error) != OK) { cur_term = saved; return -1; }
    const char *cup = tigetstr("cup");
    int can = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    cur_term = saved;
    return can;
}

static inline int tz_key_resize(void) { return KEY_RESIZE; }
static inline int tz_key_mouse(void) { return KEY_MOUSE; }

/// Asks the terminal for button-1 clicks and the wheel (buttons 4 and 5), nothing else, so the
/// terminal's own drag-to-select still works with Shift. Returns whether it will report them.
static inline int tz_enable_mouse(void) {
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
}
/// The mouse event waiting after KEY_MOUSE: 1 a click, 4 wheel up, 5 wheel down, 0 anything else.
static inline int tz_mouse_event(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}
static inline int tz_key_code_yes(void) { return KEY_CODE_YES; }

#endif
