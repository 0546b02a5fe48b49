import Foundation

/// The layouts of one directory (`layouts/`), and the choice of one for a screen when the
/// officer has not named one.
public struct LayoutCatalogue: Sendable {
    /// The readable layouts, by name.
    public let layouts: [Layout]
    /// The files that were refused. The others stay usable, so one bad file does not take
    /// the board down; the runtime should show these on the status line.
    public let problems: [LayoutError]
    /// Where the layouts came from, for messages.
    public let source: String

    public init(layouts: [Layout], problems: [LayoutError] = [], source: String = "layouts") {
        self.layouts = layouts.sorted { $0.name < $1.name }
        self.problems = problems
        self.source = source
    }

    /// Reads every `*.yaml` file in `directory`. Throws only when the directory itself
    /// cannot be read; refused files are in `problems`.
    public init(directory: String) throws(LayoutError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw LayoutError(file: directory, line: nil, .unlistable(error.localizedDescription))
        }
        var layouts: [Layout] = []
        var problems: [LayoutError] = []
        for name in names.sorted() where name.hasSuffix(".yaml") {
            do throws(LayoutError) {
                layouts.append(try Layout.load(path: (directory as NSString).appendingPathComponent(name)))
            } catch {
                problems.append(error)
            }
        }
        self.init(layouts: layouts, problems: problems, source: directory)
    }

    public var names: [String] { layouts.map(\.name) }

    /// The layout `:layout NAME` or `--layout NAME` asked for. When its file was refused,
    /// the refusal is the error, since that is what the officer needs to mend.
    public func layout(named name: String) throws(LayoutError) -> Layout {
        if let layout = layouts.first(where: { $0.name == name }) { return layout }
        if let problem = problems.first(where: { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent == name }) {
            throw problem
        }
        throw LayoutError(file: source, line: nil, .unknownLayout(name, known: names))
    }

    /// The layout for a screen of this size when none was asked for: the most demanding one
    /// whose `fits` the screen meets (so `wall` on a wall, `default` on a desk, `compact` on a
    /// laptop in tmux), or, on a screen smaller than all of them, the least demanding one.
    /// On equal demands `default` wins, then the first by name, so the choice never depends
    /// on the order the directory happens to list its files in.
    public func layout(for screen: ScreenSize) throws(LayoutError) -> Layout {
        func demand(_ layout: Layout) -> Int { layout.fits.width * layout.fits.height }
        func preferred(_ a: Layout, _ b: Layout) -> Bool {
            if (a.name == "default") != (b.name == "default") { return a.name == "default" }
            return a.name < b.name
        }
        let fitting = layouts.filter { screen.contains($0.fits) }
        if let best = fitting.min(by: { demand($0) != demand($1) ? demand($0) > demand($1) : preferred($0, $1) }) {
            return best
        }
        if let least = layouts.min(by: { demand($0) != demand($1) ? demand($0) < demand($1) : preferred($0, $1) }) {
            return least
        }
        throw LayoutError(file: source, line: nil, .noLayouts)
    }
}
