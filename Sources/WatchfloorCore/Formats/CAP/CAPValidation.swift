/// CAP's code lists (OASIS CAP 1.2 §3.2, CAP 1.1 §3.2; the same in both schemas except
/// `responseType`, where 1.2 added Avoid and AllClear).
enum CAPVocabulary {
    static let status = ["Actual", "Exercise", "System", "Test", "Draft"]
    static let msgType = CAPMessageType.allCases.map(\.rawValue)
    static let scope = ["Public", "Restricted", "Private"]
    static let category = ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
                           "Transport", "Infra", "CBRNE", "Other"]
    static let urgency = ["Immediate", "Expected", "Future", "Past", "Unknown"]
    static let severity = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"]
    static let certainty = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"]

    static func responseType(_ version: CAPVersion) -> [String] {
        switch version {
        case .v1_1: ["Shelter", "Evacuate", "Prepare", "Execute", "Monitor", "Assess", "None"]
        case .v1_2: ["Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"]
        }
    }
}

/// Rules CAP states in prose rather than in its schema.
enum CAPRules {
    /// `identifier` and `sender` "MUST NOT include spaces, commas or restricted characters
    /// (< and &)": `references` joins them with commas and separates entries with spaces.
    static func isExtendedIdentifierSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "," || $0 == "<" || $0 == "&" }
    }

    /// RFC 3066 / xs:language: "zh-CN", "en-CA", "fr".
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count),
              first.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count)
                && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        }
    }
}
