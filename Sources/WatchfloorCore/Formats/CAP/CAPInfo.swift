import Foundation

/// A `valueName`/`value` pair: parameters, event codes and geocodes.
public struct CAPNamedValue: Sendable, Hashable {
    public var valueName: String
    public var value: String

    public init(valueName: String, value: String) {
        self.valueName = valueName
        self.value = value
    }
}

/// One `info` block: the alert as told in one language (CAP allows several).
public struct CAPInfo: Sendable, Equatable {
    /// RFC 3066 tag; CAP's default when the element is absent is "en-US".
    public var language: String
    public var categories: [String]
    public var event: String
    public var responseTypes: [String]
    public var urgency: String
    public var severity: String
    public var certainty: String
    public var audience: String?
    public var eventCodes: [CAPNamedValue]
    public var effective: Date?
    public var onset: Date?
    public var expires: Date?
    public var senderName: String?
    public var headline: String?
    public var description: String?
    public var instruction: String?
    public var web: String?
    public var contact: String?
    public var parameters: [CAPNamedValue]
    public var areas: [CAPArea]

    public init(
        language: String = "en-US", categories: [String], event: String, responseTypes: [String] = [],
        urgency: String, severity: String, certainty: String, audience: String? = nil,
        eventCodes: [CAPNamedValue] = [], effective: Date? = nil, onset: Date? = nil, expires: Date? = nil,
        senderName: String? = nil, headline: String? = nil, description: String? = nil,
        instruction: String? = nil, web: String? = nil, contact: String? = nil,
        parameters: [CAPNamedValue] = [], areas: [CAPArea] = []
    ) {
        self.language = language
        self.categories = categories
        self.event = event
        self.responseTypes = responseTypes
        self.urgency = urgency
        self.severity = severity
        self.certainty = certainty
        self.audience = audience
        self.eventCodes = eventCodes
        self.effective = effective
        self.onset = onset
        self.expires = expires
        self.senderName = senderName
        self.headline = headline
        self.description = description
        self.instruction = instruction
        self.web = web
        self.contact = contact
        self.parameters = parameters
        self.areas = areas
    }

    /// The national level for this block's `severity` (DESIGN §3.2); nil for "Unknown".
    public var level: Level? { Level(capSeverity: severity) }

    /// The first parameter with this name, e.g. a profile's colour code.
    public func parameter(_ valueName: String) -> String? {
        parameters.first { $0.valueName == valueName }?.value
    }
}
