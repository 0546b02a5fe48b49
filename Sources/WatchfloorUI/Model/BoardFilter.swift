import WatchfloorCore

/// What `/` narrows the board to. Typed as words: `level:I,II agency:police cat:fire
/// place:3701 内涝` — every word must hold; a bare word is searched in titles and place
/// names. `cell:C7` and `place:` are also set from the map.
public struct BoardFilter: Sendable, Equatable {
    public var levels: Set<Level> = []
    public var agencies: Set<Agency> = []
    public var categories: Set<Category> = []
    /// Admin-code prefixes (`3701`, `370102`).
    public var places: [String] = []
    /// A grid cell at a zoom (the city adcode, nil for the province).
    public var cell: (cell: GridCell, zoomCity: String?)?
    public var words: [String] = []
    /// Closed and merged incidents are hidden unless asked for.
    public var includeClosed = false

    public init() {}

    public var isEmpty: Bool {
        levels.isEmpty && agencies.isEmpty && categories.isEmpty && places.isEmpty && cell == nil && words.isEmpty && !includeClosed
    }

    public static func == (a: BoardFilter, b: BoardFilter) -> Bool {
        a.levels == b.levels && a.agencies == b.agencies && a.categories == b.categories && a.places == b.places
            && a.cell?.cell == b.cell?.cell && a.cell?.zoomCity == b.cell?.zoomCity && a.words == b.words
            && a.includeClosed == b.includeClosed
    }

    /// Why a filter expression cannot be read, naming the word.
    public struct Problem: Error, Sendable, Equatable {
        public var word: String
        public var reason: String
    }

    /// Reads a filter expression; place names are looked up in the gazetteer.
    public static func parse(_ text: String, gazetteer: Gazetteer) throws(Problem) -> BoardFilter {
        var filter = BoardFilter()
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init) {
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                if word == "all" || word == "全部" { filter.includeClosed = true } else { filter.words.append(word) }
                continue
            }
            let values = parts[1].split(separator: ",").map(String.init)
            switch parts[0].lowercased() {
            case "level", "l", "级别":
                for v in values {
                    guard let level = Level(rawValue: v.uppercased()) ?? Level.allCases.first(where: { $0.chineseName == v }) else {
                        throw Problem(word: word, reason: "level is I, II, III or IV")
                    }
                    filter.levels.insert(level)
                }
            case "agency", "a", "部门":
                for v in values {
                    guard let agency = Agency(rawValue: v.lowercased()) ?? Agency.allCases.first(where: { $0.chineseName == v }) else {
                        throw Problem(word: word, reason: "agency is one of " + Agency.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    filter.agencies.insert(agency)
                }
            case "category", "cat", "c", "类别":
                for v in values {
                    guard let category = Category(rawValue: v.lowercased()) ?? Category.allCases.first(where: { $0.chineseName == v }) else {
                        throw Problem(word: word, reason: "no category \"\(v)\" (e.g. fire, flood, traffic_accident)")
                    }
                    filter.categories.insert(category)
                }
            case "place", "p", "地点":
                for v in values {
                    if v.allSatisfy(\.isNumber) {
                        filter.places.append(v)
                    } else if let d = (gazetteer.cities + gazetteer.counties).first(where: { $0.name == v || $0.name.hasPrefix(v) }) {
                        filter.places.append(d.adcode)
                    } else {
                        throw Problem(word: word, reason: "no city or county named \"\(v)\"")
                    }
                }
            case "cell", "网格":
                guard let cell = GridCell(parsing: parts[1]) else { throw Problem(word: word, reason: "a grid cell is letters then a row number, like C7") }
                filter.cell = (cell, nil)
            default:
                filter.words.append(word)
            }
        }
        return filter
    }
}
