import Foundation

/// Reads the CAP element tree into the model, collecting every rule the document breaks.
/// Values for missing parts are placeholders: when anything is recorded in `problems` the
/// decoder throws and the half-read alert is never seen.
struct CAPReader {
    let version: CAPVersion
    var problems = CAPProblems()

    init(version: CAPVersion) {
        self.version = version
    }

    /// The trimmed text of the one `name` child, or nil when there is none.
    mutating func optional(_ name: String, in element: CAPElement, _ place: String) -> String? {
        let found = element.children(named: name)
        if found.count > 1 {
            problems.add("<\(name)> appears \(found.count) times\(place); CAP allows one")
        }
        return found.first?.trimmedText
    }

    /// Like `optional`, but an empty element counts as absent (`<note/>`, `<contact/>`).
    mutating func optionalNonEmpty(_ name: String, in element: CAPElement, _ place: String) -> String? {
        guard let text = optional(name, in: element, place), !text.isEmpty else { return nil }
        return text
    }

    /// Text that CAP requires: missing or empty is a problem.
    mutating func required(_ name: String, in element: CAPElement, _ place: String) -> String {
        guard let text = optional(name, in: element, place) else {
            problems.add("required element <\(name)> is missing\(place)")
            return ""
        }
        if text.isEmpty { problems.add("<\(name)> is empty\(place)") }
        return text
    }

    /// A required value from one of CAP's code lists.
    mutating func code(_ name: String, in element: CAPElement, _ place: String, allowed: [String]) -> String {
        guard let text = optional(name, in: element, place) else {
            problems.add("required element <\(name)> is missing\(place)")
            return ""
        }
        checkCode(name, text, place, allowed: allowed)
        return text
    }

    mutating func checkCode(_ name: String, _ text: String, _ place: String, allowed: [String]) {
        let requirement = "CAP requires \(capChoices(allowed))"
        if text.isEmpty {
            problems.add("<\(name)> is empty\(place) (\(requirement))")
        } else if !allowed.contains(text) {
            var hint = requirement
            if let other = CAPVersion.allCases.first(where: { $0 != version }),
               name == "responseType", CAPVocabulary.responseType(other).contains(text) {
                hint += "; \(text) is a CAP \(other.number) value but this is a CAP \(version.number) alert"
            }
            problems.add("<\(name)> \(capQuote(text))\(place) is not a CAP value (\(hint))")
        }
    }

    /// A CAP date-time; `required` decides whether absence is a problem.
    mutating func time(_ name: String, in element: CAPElement, _ place: String, required isRequired: Bool) -> (date: Date, text: String)? {
        guard let text = optional(name, in: element, place) else {
            if isRequired { problems.add("required element <\(name)> is missing\(place)") }
            return nil
        }
        guard let date = CAPTime.parse(text) else {
            let what = text.isEmpty ? "is empty\(place)" : "\(capQuote(text))\(place) is not a valid date-time"
            problems.add("<\(name)> \(what) (\(CAPTime.hint(for: text)))")
            return nil
        }
        return (date, text)
    }

    /// `parameter`, `eventCode`, `geocode`: each a `valueName` and a `value` (which may be empty).
    mutating func namedValues(_ name: String, in element: CAPElement, _ place: String) -> [CAPNamedValue] {
        element.children(named: name).enumerated().map { offset, child in
            let here = " in <\(name)> \(offset + 1)\(place)"
            let valueName = optional("valueName", in: child, here)
            let value = optional("value", in: child, here)
            if valueName == nil { problems.add("required element <valueName> is missing\(here)") }
            if value == nil { problems.add("required element <value> is missing\(here)") }
            return CAPNamedValue(valueName: valueName ?? "", value: value ?? "")
        }
    }

    /// Whitespace-separated lists: `incidents`, and the entries of `references`.
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}
