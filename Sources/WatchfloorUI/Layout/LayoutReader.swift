import Foundation
import Yams

/// Turns the YAML tree of one layout file into a `Layout`, refusing anything it does not
/// understand at the line where it stands. Reading stops at the first problem: one clear
/// message is more use to an officer at a console than a page of them.
struct LayoutReader {
    let file: String
    /// Where each pane was first placed, to name that line when it is placed again.
    private var placed: [Pane: Int] = [:]

    init(file: String) {
        self.file = file
    }

    static let fileKeys = ["name", "description", "fits", "layout"]
    static let sizingKeys = ["size", "weight", "min"]
    static let splitKeys = LayoutNode.Direction.allCases.map(\.rawValue)

    // Generous bounds that still keep the solver's arithmetic far from overflow.
    static let cells = 1...10_000
    static let weights = 1...1_000

    mutating func layout(_ document: Node) throws(LayoutError) -> Layout {
        let pairs = try mapping(document, key: "the file", expected: "a mapping of name, description, fits and layout")
        try refuseUnknown(pairs, allowed: Self.fileKeys, in: "the file")
        let name = try word(required("name", in: pairs, of: document, place: "the file"), key: "name")
        if let expected = fileBaseName, name.value != expected {
            throw fail(name.node, .nameMismatch(name: name.value, fileName: expected))
        }
        let description = try word(required("description", in: pairs, of: document, place: "the file"), key: "description")
        let fitsNode = try required("fits", in: pairs, of: document, place: "the file")
        let fitsPairs = try mapping(fitsNode, key: "fits", expected: "a mapping such as {width: 120, height: 36}")
        try refuseUnknown(fitsPairs, allowed: ["width", "height"], in: "fits")
        let fits = ScreenSize(
            width: try number(required("width", in: fitsPairs, of: fitsNode, place: "fits"), key: "width", range: Self.cells),
            height: try number(required("height", in: fitsPairs, of: fitsNode, place: "fits"), key: "height", range: Self.cells)
        )
        let root = try part(required("layout", in: pairs, of: document, place: "the file"), key: "layout", isWhole: true)
        return Layout(name: name.value, description: description.value, fits: fits, root: root, file: file)
    }

    /// The name a `.yaml` file must carry, so `:layout wall` always means `wall.yaml`.
    private var fileBaseName: String? {
        let url = URL(fileURLWithPath: file)
        guard ["yaml", "yml"].contains(url.pathExtension) else { return nil }
        return url.deletingPathExtension().lastPathComponent
    }

    // MARK: Parts

    private mutating func part(_ node: Node, key: String, isWhole: Bool) throws(LayoutError) -> LayoutNode {
        let pairs = try mapping(node, key: key, expected: "a mapping such as \"widget: board\" or \"row: [...]\"")
        let contentKeys = pairs.map(\.key).filter { $0 == "widget" || Self.splitKeys.contains($0) }
        guard let contentKey = contentKeys.first else {
            // A misspelt "widget" reads better as itself than as "this part shows nothing".
            let known = Self.sizingKeys + ["widget"] + Self.splitKeys + Pane.allCases.flatMap { OptionSpec.all(for: $0).map(\.name) }
            try refuseUnknown(pairs, allowed: known, in: "this part")
            throw fail(node, .noContent)
        }
        guard contentKeys.count == 1 else { throw fail(node, .twoContents(contentKeys)) }

        let sizing = try self.sizing(pairs, of: node, isWhole: isWhole)
        let value = pairs.first { $0.key == contentKey }!.value
        if let direction = LayoutNode.Direction(rawValue: contentKey) {
            try refuseUnknown(pairs, allowed: Self.sizingKeys + [contentKey], in: "a \(contentKey) split")
            return LayoutNode(try split(direction, value), sizing: sizing)
        }
        return LayoutNode(try widget(value, pairs: pairs), sizing: sizing)
    }

    private mutating func split(_ direction: LayoutNode.Direction, _ node: Node) throws(LayoutError) -> LayoutNode.Content {
        guard case .sequence(let items) = node else {
            throw fail(node, .wrongType(key: direction.rawValue, expected: "a list of parts, each starting with \"- \""))
        }
        guard !items.isEmpty else { throw fail(node, .emptySplit(direction)) }
        var children: [LayoutNode] = []
        for item in items {
            children.append(try part(item, key: "a part of \(direction.rawValue)", isWhole: false))
        }
        return .split(direction, children)
    }

    private mutating func widget(_ node: Node, pairs: [Pair]) throws(LayoutError) -> LayoutNode.Content {
        let name = try word(node, key: "widget")
        guard let pane = Pane(rawValue: name.value) else { throw fail(node, .unknownWidget(name.value)) }
        let line = node.mark?.line ?? 0
        if let first = placed[pane] { throw fail(node, .paneUsedTwice(pane, firstLine: first)) }
        placed[pane] = line

        let specs = OptionSpec.all(for: pane)
        try refuseUnknown(pairs, allowed: ["widget"] + Self.sizingKeys + specs.map(\.name), in: "widget \"\(pane.rawValue)\"")
        var options = WidgetOptions.defaults(for: pane)
        for spec in specs {
            guard let value = pairs.first(where: { $0.key == spec.name })?.value else { continue }
            options.set(spec.name, try option(value, spec))
        }
        return .pane(pane, options)
    }

    private func option(_ node: Node, _ spec: OptionSpec) throws(LayoutError) -> OptionValue {
        switch spec.kind {
        case .flag:
            guard let on = node.scalar.flatMap(Bool.construct) else {
                throw fail(node, .wrongType(key: spec.name, expected: "true or false"))
            }
            return .flag(on)
        case .list(let choices):
            guard case .sequence(let items) = node else {
                throw fail(node, .wrongType(key: spec.name, expected: "a list such as [\(choices.prefix(2).joined(separator: ", "))]"))
            }
            guard !items.isEmpty else { throw fail(node, .emptyList(option: spec.name)) }
            var chosen: [String] = []
            for item in items {
                guard let word = item.scalar?.string else {
                    throw fail(item, .wrongType(key: spec.name, expected: "a list of words"))
                }
                guard choices.contains(word) else { throw fail(item, .unknownChoice(word, option: spec.name, allowed: choices)) }
                guard !chosen.contains(word) else { throw fail(item, .repeatedChoice(word, option: spec.name)) }
                chosen.append(word)
            }
            return .list(chosen)
        }
    }

    private func sizing(_ pairs: [Pair], of node: Node, isWhole: Bool) throws(LayoutError) -> LayoutNode.Sizing {
        let given = pairs.filter { Self.sizingKeys.contains($0.key) }
        if isWhole, let first = given.first { throw fail(first.keyNode, .sizingOnWholeLayout(first.key)) }
        let size = given.first { $0.key == "size" }
        let weight = given.first { $0.key == "weight" }
        let min = given.first { $0.key == "min" }
        if let size {
            if let weight { throw fail(weight.keyNode, .sizeAndWeight) }
            if let min { throw fail(min.keyNode, .minWithSize) }
            return .fixed(try number(size.value, key: "size", range: Self.cells))
        }
        return .weight(
            try weight.map { pair throws(LayoutError) in try number(pair.value, key: "weight", range: Self.weights) } ?? 1,
            min: try min.map { pair throws(LayoutError) in try number(pair.value, key: "min", range: Self.cells) } ?? 0
        )
    }

    // MARK: Values

    struct Pair {
        let key: String
        let keyNode: Node
        let value: Node
    }

    private func mapping(_ node: Node, key: String, expected: String) throws(LayoutError) -> [Pair] {
        guard case .mapping(let mapping) = node else { throw fail(node, .wrongType(key: key, expected: expected)) }
        var pairs: [Pair] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw fail(keyNode, .wrongType(key: "a key", expected: "a plain word such as \"widget\""))
            }
            pairs.append(Pair(key: key, keyNode: keyNode, value: value))
        }
        return pairs
    }

    private func required(_ key: String, in pairs: [Pair], of node: Node, place: String) throws(LayoutError) -> Node {
        guard let pair = pairs.first(where: { $0.key == key }) else { throw fail(node, .missingKey(key, in: place)) }
        return pair.value
    }

    private func refuseUnknown(_ pairs: [Pair], allowed: [String], in place: String) throws(LayoutError) {
        if let unknown = pairs.first(where: { !allowed.contains($0.key) }) {
            throw fail(unknown.keyNode, .unknownKey(unknown.key, in: place, allowed: allowed))
        }
    }

    private func word(_ node: Node, key: String) throws(LayoutError) -> (value: String, node: Node) {
        guard let text = node.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(node, .wrongType(key: key, expected: "some text"))
        }
        return (text, node)
    }

    private func number(_ node: Node, key: String, range: ClosedRange<Int>) throws(LayoutError) -> Int {
        guard let value = node.scalar.flatMap(Int.construct) else {
            throw fail(node, .wrongType(key: key, expected: "a whole number"))
        }
        guard range.contains(value) else { throw fail(node, .outOfRange(key: key, value: value, range: range)) }
        return value
    }

    private func fail(_ node: Node, _ problem: LayoutError.Problem) -> LayoutError {
        LayoutError(file: file, line: node.mark?.line, problem)
    }
}
