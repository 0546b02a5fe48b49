import CNcursesw
import Foundation
import WatchfloorUI

/// Why the screen could not be opened, in words that say what to do.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// The only code that talks to ncurses (DESIGN §2, §6). It draws on `/dev/tty`, so stdout
/// stays free for the incident log; it writes only the cells that changed since the last
/// frame, so ncurses sends the terminal a few bytes, never a full repaint. All calls must
/// come from the thread that opened it.
public final class Terminal {
    public let colorDepth: ColorDepth
    private let palette: Palette
    private let tty: UnsafeMutablePointer<FILE>
    private let screen: OpaquePointer
    private var shown: Canvas?
    private var open = true

    /// Opens the screen. Call `close()` on every way out (the runtime also does it on SIGINT
    /// and SIGTERM) so the officer's terminal is never left in raw mode.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        Self.chooseUTF8Locale()
        Self.allowResizeSignal()
        guard let term = environment["TERM"], !term.isEmpty else {
            throw TerminalError("TERM is not set; run watchfloor in a terminal (or set TERM, e.g. TERM=xterm-256color)")
        }
        guard let tty = fopen("/dev/tty", "r+") else {
            throw TerminalError("cannot open /dev/tty: \(String(cString: strerror(errno))); the board needs a terminal (use `watchfloor replay --headless` without one)")
        }
        guard let screen = newterm(term, tty, tty) else {
            fclose(tty)
            throw TerminalError("the terminal type \"\(term)\" is unknown to ncurses; set TERM to one it knows, e.g. xterm-256color")
        }
        self.tty = tty
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        intrflush(wf_stdscr(), false)
        keypad(wf_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var depth = ColorDepth.none
        if has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth.choose(noColor: environment["NO_COLOR"], hasColors: true, colors: Int(wf_colors()))
        }
        colorDepth = depth
        palette = Palette(depth: depth)
        palette.install()
    }

    deinit { close() }

    /// ncurses learns of a resize from SIGWINCH, and installs its handler only when the
    /// signal is at its default. A parent that ignored or blocked it (some launchers and
    /// test harnesses do) would leave the board drawn for the old size forever.
    static func allowResizeSignal() {
        signal(SIGWINCH, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The locale first, or ncurses draws Chinese as escapes (DESIGN §6). When the officer's
    /// locale is missing or not UTF-8 (a bare server, `LANG=C`), characters still need UTF-8:
    /// C.UTF-8 is on every Debian machine. The interface language is chosen separately.
    static func chooseUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// The screen's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(wf_stdscr())), Int(getmaxy(wf_stdscr())))
    }

    /// Shows a frame: only cells that differ from the last frame are handed to ncurses.
    /// `cursor` places the visible cursor (while the officer types), else it is hidden.
    public func present(_ canvas: Canvas, cursor: (x: Int, y: Int)? = nil) {
        let (width, height) = size
        let previous = shown.flatMap { $0.width == canvas.width && $0.height == canvas.height ? $0 : nil }
        var text: [wchar_t] = []
        for y in 0..<min(height, canvas.height) {
            for x in 0..<min(width, canvas.width) {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell, x + 1 >= canvas.width || previous[x + 1, y] == canvas[x + 1, y] { continue }
                // The bottom-right cell scrolls some terminals; ncurses handles it with insch tricks,
                // but a wide character there would never fit anyway.
                if cell.width == 2 && x + 1 >= width { continue }
                text.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars.prefix(5) { text.append(wchar_t(bitPattern: scalar.value)) }
                if text.isEmpty { text.append(32) }
                text.append(0)
                _ = wf_put_cell(Int32(y), Int32(x), text, palette.attributes(cell.style), palette.pair(cell.style.role))
            }
        }
        if let cursor {
            curs_set(1)
            wmove(wf_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(wf_stdscr())
        doupdate()
        shown = canvas
    }

    /// The next key, waiting at most `timeoutMilliseconds` (0: do not wait). A resize comes
    /// as `.resize`, after which the next `present` redraws every cell.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(wf_stdscr(), Int32(max(0, timeoutMilliseconds)))
        var value: wint_t = 0
        let result = wget_wch(wf_stdscr(), &value)
        switch result {
        case KEY_CODE_YES:
            let key = KeyDecoder.decode(code: Int32(value))
            if key == .resize { shown = nil }
            return key
        case OK:
            return KeyDecoder.decode(character: UInt32(value))
        default:
            return nil
        }
    }

    /// Restores the terminal. Safe to call more than once.
    public func close() {
        guard open else { return }
        open = false
        endwin()
        delscreen(screen)
        fclose(tty)
    }
}

@available(*, unavailable) extension Terminal: Sendable {}
