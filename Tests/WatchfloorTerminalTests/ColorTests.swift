import Testing
@testable import WatchfloorTerminal

@Suite("Colour depth and palette")
struct ColorTests {
    @Test("NO_COLOR wins; then what the terminal reports: none, 8, 256 or direct")
    func depth() {
        #expect(ColorDepth.choose(noColor: "1", hasColors: true, colors: 256) == .none)
        #expect(ColorDepth.choose(noColor: "", hasColors: true, colors: 256) == .full256)
        #expect(ColorDepth.choose(noColor: nil, hasColors: false, colors: 256) == .none)
        #expect(ColorDepth.choose(noColor: nil, hasColors: true, colors: 8) == .eight)
        #expect(ColorDepth.choose(noColor: nil, hasColors: true, colors: 1 << 24) == .direct)
    }

    @Test("256-colour indices become the RGB a direct-colour terminal expects")
    func rgb() {
        #expect(Palette.rgb(-1) == -1)
        #expect(Palette.rgb(196) == 0xFF0000)
        #expect(Palette.rgb(16) == 0x000000)
        #expect(Palette.rgb(231) == 0xFFFFFF)
        #expect(Palette.rgb(244) == 0x808080)
        #expect(Palette.rgb(9) == 0xFF0000)
    }
}
