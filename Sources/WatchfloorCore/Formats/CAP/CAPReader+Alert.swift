import Foundation

extension CAPReader {
    /// The `alert` element (CAP §3.2.1).
    mutating func readAlert(_ root: CAPElement) -> CAPAlert {
        let identifier = required("identifier", in: root, "")
        checkExtendedIdentifier("identifier", identifier)
        let sender = required("sender", in: root, "")
        checkExtendedIdentifier("sender", sender)
        let sent = time("sent", in: root, "", required: true)
        let status = code("status", in: root, "", allowed: CAPVocabulary.status)
        let msgTypeText = code("msgType", in: root, "", allowed: CAPVocabulary.msgType)
        let source = optionalNonEmpty("source", in: root, "")
        let scope = code("scope", in: root, "", allowed: CAPVocabulary.scope)
        let restriction = optionalNonEmpty("restriction", in: root, "")
        let addresses = optionalNonEmpty("addresses", in: root, "")
        let codes = root.children(named: "code").map(\.trimmedText).filter { !$0.isEmpty }
        let note = optionalNonEmpty("note", in: root, "")
        let references = readReferences(root)
        let incidents = optional("incidents", in: root, "").map(Self.words) ?? []

        let msgType = CAPMessageType(rawValue: msgTypeText) ?? .alert
        if msgType.requiresReferences, references.isEmpty, CAPMessageType(rawValue: msgTypeText) != nil {
            problems.add("<msgType> \(msgType.rawValue) must name the alert(s) it \(Self.verb(msgType)) in <references>, but there are none")
        }

        let infos = root.children(named: "info").enumerated().map { offset, info in
            readInfo(info, number: offset + 1)
        }

        return CAPAlert(
            version: version, identifier: identifier, sender: sender,
            sent: sent?.date ?? Date(timeIntervalSince1970: 0), sentText: sent?.text ?? "",
            status: status, msgType: msgType, source: source, scope: scope,
            restriction: restriction, addresses: addresses, codes: codes, note: note,
            references: references, incidents: incidents, infos: infos
        )
    }

    private static func verb(_ type: CAPMessageType) -> String {
        switch type {
        case .alert: "names"
        case .update: "updates"
        case .cancel: "cancels"
        case .ack: "acknowledges"
        case .error: "rejects"
        }
    }

    private mutating func checkExtendedIdentifier(_ name: String, _ value: String) {
        if !value.isEmpty, !CAPRules.isExtendedIdentifierSafe(value) {
            problems.add("<\(name)> \(capQuote(value)) must not contain spaces, commas, '<' or '&' (CAP builds references from it)")
        }
    }

    /// `references`: space-separated `sender,identifier,sent` entries. An element that is present
    /// must hold at least one, each well-formed, or the Update/Cancel could act on the wrong alert.
    private mutating func readReferences(_ root: CAPElement) -> [CAPReference] {
        guard let text = optional("references", in: root, "") else { return [] }
        let entries = Self.words(text)
        if entries.isEmpty {
            problems.add("<references> is empty (CAP requires one or more sender,identifier,sent entries separated by spaces)")
            return []
        }
        var references: [CAPReference] = []
        for entry in entries {
            let parts = entry.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, let date = CAPTime.parse(parts[2]) else {
                problems.add("<references> entry \(capQuote(entry)) is not of the form sender,identifier,sent (e.g. sender@example.org,ID-42,2026-07-15T17:00:00+08:00)")
                continue
            }
            references.append(CAPReference(sender: parts[0], identifier: parts[1], sent: parts[2], sentDate: date))
        }
        return references
    }
}
