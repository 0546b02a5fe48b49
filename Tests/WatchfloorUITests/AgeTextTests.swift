import Testing
@testable import WatchfloorUI

/// Ages on the board fit its four-column age column in both languages, however old.
@Suite("Age text")
struct AgeTextTests {
    static let cases: [(Double, String, String)] = [
        (45, "45秒", "45s"), (720, "12分", "12m"), (10_800, "3时", "3h"), (8_553_600, "99天", "99d"),
        (11_491_200, "19周", "19w"), (69_120_000, "2年", "2y"), (1e12, "久", "old"), (-5, "0秒", "0s"),
    ]

    @Test("seconds to years, each no wider than four columns", arguments: cases)
    func fits(_ seconds: Double, _ zh: String, _ en: String) {
        #expect(Strings(.zh).age(seconds: seconds) == zh)
        #expect(Strings(.en).age(seconds: seconds) == en)
        #expect(DisplayWidth.of(zh) <= 4 && DisplayWidth.of(en) <= 4)
    }
}
