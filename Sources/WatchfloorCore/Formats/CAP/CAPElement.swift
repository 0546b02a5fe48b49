import Foundation

/// An element of the CAP namespace, as the tree builder keeps it: its local name, its own
/// character data, and its CAP-namespace children in document order. Foreign elements
/// (a digital signature, extensions) never get here.
struct CAPElement: Sendable {
    var name: String
    var text: String = ""
    var children: [CAPElement] = []

    init(name: String) {
        self.name = name
    }

    func children(named name: String) -> [CAPElement] {
        children.filter { $0.name == name }
    }

    /// Character data without the indentation around it; inner line breaks are kept.
    var trimmedText: String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
