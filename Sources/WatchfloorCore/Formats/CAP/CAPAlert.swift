import Foundation

/// The CAP versions Watchfloor reads, told apart by the root element's namespace.
public enum CAPVersion: String, Sendable, Hashable, CaseIterable {
    case v1_1 = "urn:oasis:names:tc:emergency:cap:1.1"
    case v1_2 = "urn:oasis:names:tc:emergency:cap:1.2"

    public var namespace: String { rawValue }

    /// "1.1" or "1.2", for messages.
    public var number: String {
        switch self {
        case .v1_1: "1.1"
        case .v1_2: "1.2"
        }
    }

    public init?(namespace: String) {
        self.init(rawValue: namespace)
    }
}

/// CAP `msgType`. Everything but `alert` acts on the messages named in `references`.
public enum CAPMessageType: String, Sendable, Hashable, CaseIterable {
    case alert = "Alert"
    case update = "Update"
    case cancel = "Cancel"
    case ack = "Ack"
    case error = "Error"

    /// CAP defines Update, Cancel, Ack and Error by the earlier messages they name.
    public var requiresReferences: Bool { self != .alert }
}

/// One entry of `references`: the extended identifier `sender,identifier,sent` of an earlier alert.
public struct CAPReference: Sendable, Hashable {
    public var sender: String
    public var identifier: String
    /// Exactly as written, so it can be compared with the referenced alert's `sentText`.
    public var sent: String
    public var sentDate: Date

    public init(sender: String, identifier: String, sent: String, sentDate: Date) {
        self.sender = sender
        self.identifier = identifier
        self.sent = sent
        self.sentDate = sentDate
    }

    /// Whether this reference names `alert`. Sender and identifier are what make a CAP
    /// message unique; the time is compared as an instant so "+00:00" and "-00:00" agree.
    public func refers(to alert: CAPAlert) -> Bool {
        sender == alert.sender && identifier == alert.identifier && sentDate == alert.sent
    }
}

/// A decoded, validated CAP 1.1 or 1.2 alert message.
public struct CAPAlert: Sendable, Equatable {
    public var version: CAPVersion
    /// Opaque; China's national profile (GB/T 35965.1) starts it with an admin code.
    public var identifier: String
    public var sender: String
    public var sent: Date
    /// `sent` as written, for building references to this alert.
    public var sentText: String
    /// Actual, Exercise, System, Test or Draft.
    public var status: String
    public var msgType: CAPMessageType
    public var source: String?
    /// Public, Restricted or Private.
    public var scope: String
    public var restriction: String?
    public var addresses: String?
    public var codes: [String]
    public var note: String?
    public var references: [CAPReference]
    public var incidents: [String]
    public var infos: [CAPInfo]

    public init(
        version: CAPVersion, identifier: String, sender: String, sent: Date, sentText: String,
        status: String, msgType: CAPMessageType, source: String? = nil, scope: String,
        restriction: String? = nil, addresses: String? = nil, codes: [String] = [], note: String? = nil,
        references: [CAPReference] = [], incidents: [String] = [], infos: [CAPInfo] = []
    ) {
        self.version = version
        self.identifier = identifier
        self.sender = sender
        self.sent = sent
        self.sentText = sentText
        self.status = status
        self.msgType = msgType
        self.source = source
        self.scope = scope
        self.restriction = restriction
        self.addresses = addresses
        self.codes = codes
        self.note = note
        self.references = references
        self.incidents = incidents
        self.infos = infos
    }

    /// How later Update and Cancel messages name this one.
    public var reference: CAPReference {
        CAPReference(sender: sender, identifier: identifier, sent: sentText, sentDate: sent)
    }
}
