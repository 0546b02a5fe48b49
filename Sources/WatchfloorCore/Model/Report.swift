/// Identifies one feed message: CloudEvents makes `(source, id)` unique (DESIGN §3.1).
public struct ReportKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var source: String
    public var id: String

    public init(source: String, id: String) {
        self.source = source
        self.id = id
    }

    /// `source#id`, the form used in logs and in `refs`.
    public var description: String { "\(source)#\(id)" }

    /// Splits at the first `#`: a source (`/sd/<adcode>/<agency>`) never has one, but an id
    /// may (CloudEvents allows any string), and one ending in `#` would otherwise leave no id.
    /// By scalars, not Characters: an id starting with a combining mark joins the `#` into one
    /// Character, which is not "#".
    public init?(parsing text: String) {
        let scalars = text.unicodeScalars
        guard let hash = scalars.firstIndex(of: "#") else { return nil }
        source = String(scalars[..<hash])
        id = String(scalars[scalars.index(after: hash)...])
        if source.isEmpty || id.isEmpty { return nil }
    }

    public static func < (a: ReportKey, b: ReportKey) -> Bool {
        (a.source, a.id) < (b.source, b.id)
    }
}

/// One message from one feed about one incident, as the agency described it.
public struct Report: Sendable, Equatable {
    public var key: ReportKey
    public var agency: Agency
    /// The admin code in the source path: the reporting office, not the incident's place.
    public var sourceAdcode: String
    public var time: Instant
    public var category: Category
    /// The feed's own word when it is not one of ours, so nothing the feed said is lost.
    public var categoryWord: String?
    public var level: Level?
    public var title: String
    public var description: String?
    public var location: GeoPoint?
    public var adcode: String?
    public var address: String?
    public var reporter: String?
    public var refs: [String]
    /// Fields of `data` this version does not know, kept in order for the detail pane.
    public var extras: [(String, JSONValue)]
    /// Set when the source cancelled the report (`incident.cancel`).
    public var withdrawn: Bool = false

    public init(
        key: ReportKey, agency: Agency, sourceAdcode: String, time: Instant, category: Category,
        categoryWord: String? = nil, level: Level? = nil, title: String, description: String? = nil,
        location: GeoPoint? = nil, adcode: String? = nil, address: String? = nil, reporter: String? = nil,
        refs: [String] = [], extras: [(String, JSONValue)] = []
    ) {
        self.key = key
        self.agency = agency
        self.sourceAdcode = sourceAdcode
        self.time = time
        self.category = category
        self.categoryWord = categoryWord
        self.level = level
        self.title = title
        self.description = description
        self.location = location
        self.adcode = adcode
        self.address = address
        self.reporter = reporter
        self.refs = refs
        self.extras = extras
    }

    public static func == (a: Report, b: Report) -> Bool {
        a.key == b.key && a.agency == b.agency && a.sourceAdcode == b.sourceAdcode && a.time == b.time
            && a.category == b.category && a.categoryWord == b.categoryWord && a.level == b.level
            && a.title == b.title && a.description == b.description && a.location == b.location
            && a.adcode == b.adcode && a.address == b.address && a.reporter == b.reporter && a.refs == b.refs
            && a.extras.count == b.extras.count
            && zip(a.extras, b.extras).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 } && a.withdrawn == b.withdrawn
    }
}
