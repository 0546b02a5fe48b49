/// Where a console may see and act (`--jurisdiction 3701`): a city or county by its GB/T 2260
/// code prefix, so a Jinan console covers 3701xx while the provincial one (no jurisdiction, or
/// `37`) covers everything. An incident that could not be placed in the province is everyone's:
/// hiding it from every city would hide it from all.
public struct Jurisdiction: Sendable, Equatable {
    /// The code with its trailing zero pairs taken off: `370100` → `3701`, `370102` → `370102`.
    public let prefix: String

    /// Nil for a code that is not 2, 4 or 6 digits of Shandong (37...).
    public init?(adcode: String) {
        guard [2, 4, 6].contains(adcode.count), adcode.allSatisfy(\.isASCII), adcode.allSatisfy(\.isNumber), adcode.hasPrefix("37") else { return nil }
        var code = Substring(adcode)
        while code.count > 2, code.hasSuffix("00") { code = code.dropLast(2) }
        prefix = String(code)
    }

    public func covers(_ placement: Placement) -> Bool {
        guard let code = placement.countyCode ?? placement.cityCode else { return true }
        return code.hasPrefix(prefix)
    }
}
