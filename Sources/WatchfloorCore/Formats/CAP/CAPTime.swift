import Foundation

/// CAP date-times: `2026-07-15T17:00:00+08:00`. CAP 1.1 and 1.2 both say the offset is
/// numeric and that "Z" MUST NOT be used (UTC is "+00:00" or "-00:00"); the 1.2 schema
/// also forbids fractional seconds. We hold both versions to that one form, because a
/// looser parser would accept times a conforming receiver elsewhere would refuse.
enum CAPTime {
    /// The exact length of `YYYY-MM-DDThh:mm:ss±hh:mm`.
    private static let length = 25

    static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == length else { return nil }
        func digits(_ at: Int, _ n: Int) -> Int? {
            var v = 0
            for i in at..<(at + n) {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            return v
        }
        guard b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[22] == 0x3A,
              b[19] == 0x2B || b[19] == 0x2D,
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              let offsetHours = digits(20, 2), let offsetMinutes = digits(23, 2)
        else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59, offsetHours <= 14, offsetMinutes <= 59
        else { return nil }
        let sign = b[19] == 0x2B ? 1 : -1
        let local = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        let utc = local - sign * (offsetHours * 3_600 + offsetMinutes * 60)
        return Date(timeIntervalSince1970: TimeInterval(utc))
    }

    /// What to tell the sender about a time we could not read.
    static func hint(for text: String) -> String {
        let example = "the form 2026-07-15T17:00:00+08:00"
        if text.hasSuffix("Z") || text.hasSuffix("z") {
            return "CAP requires \(example), with a numeric offset such as +00:00, not Z"
        }
        if text.contains(".") {
            return "CAP requires \(example), without fractional seconds"
        }
        if text.count == 19 {
            return "CAP requires \(example); the UTC offset is missing"
        }
        return "CAP requires \(example)"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    /// Inputs are already range-checked, so nothing here can overflow.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
