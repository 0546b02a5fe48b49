import Foundation
import Yams

extension Layout {
    /// Reads and checks the layout file at `path`; the error names `path` as given.
    public static func load(path: String) throws(LayoutError) -> Layout {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LayoutError(file: path, line: nil, .unreadable(Self.reason(error)))
        }
        return try parse(yaml: text, file: path)
    }

    /// Checks a layout given as text; `file` is only used in error messages and to check
    /// that the layout's `name` matches a `.yaml` file's name.
    public static func parse(yaml: String, file: String) throws(LayoutError) -> Layout {
        let document: Node
        do {
            guard let root = try compose(yaml: yaml) else { throw LayoutError(file: file, line: nil, .empty) }
            document = root
        } catch let error as LayoutError {
            throw error
        } catch let error as YamlError {
            throw LayoutError(yaml: error, text: yaml, file: file)
        } catch {
            throw LayoutError(file: file, line: nil, .syntax("\(error)"))
        }
        var reader = LayoutReader(file: file)
        return try reader.layout(document)
    }

    private static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.underlying as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return (error as NSError).localizedDescription
    }
}

extension LayoutError {
    /// libyaml's own words, at its line. They are terse, so a hint about the usual causes
    /// (indentation, a missing space after a colon) follows them.
    init(yaml error: YamlError, text: String, file: String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            self.init(file: file, line: mark.line, .syntax("\(problem) (check the indentation and the \"key: value\" spacing here and just above)"))
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(file: file, line: context.mark.line, .duplicateKey(duplicates.joined(separator: ", ")))
        case .reader(let problem, let offset, _, _):
            let line = offset.map { text.prefix($0).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
            self.init(file: file, line: line, .syntax(problem))
        default:
            self.init(file: file, line: nil, .syntax("\(error)"))
        }
    }
}
