import WatchfloorCore

/// The language of the interface (headers, help, messages). Data text is shown as received.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// `zh_*` locales give Chinese, anything else English (DESIGN §6). Reads the variables
    /// in the order the C library does: LC_ALL, then LC_MESSAGES, then LANG.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// The interface's words in one language. Each widget keeps its own words in an extension
/// beside it (`Strings+Board.swift`), so a widget and its text change together.
public struct Strings: Sendable, Equatable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The Chinese or the English of a pair.
    @inline(__always)
    public func pick(_ zh: String, _ en: String) -> String {
        language == .zh ? zh : en
    }

    public func level(_ level: Level) -> String { pick(level.chineseName, level.englishName) }
    public func category(_ category: Category) -> String { pick(category.chineseName, category.englishName) }
    public func agency(_ agency: Agency) -> String { pick(agency.chineseName, agency.englishName) }
}
