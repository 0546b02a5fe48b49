import Testing
@testable import WatchfloorUI

@Suite("Canvas measures and cuts by display columns")
struct CanvasTests {
    @Test("Chinese takes two columns each and lines stay aligned")
    func chineseWidth() {
        var c = Canvas(width: 12, height: 2)
        #expect(c.put("济南市历下区", x: 0, y: 0) == 12)
        c.put("Jinan Lixia", x: 0, y: 1)
        #expect(c.lines() == ["济南市历下区", "Jinan Lixia"])
        #expect(c[1, 0].isContinuation)
    }

    @Test("a wide character that does not fit whole is cut, never split")
    func cutWhole() {
        var c = Canvas(width: 5, height: 1)
        #expect(c.put("暴雨内涝", x: 0, y: 0) == 5)
        #expect(c.lines() == ["暴雨"])
        #expect(c[4, 0].text == " ")
        var d = Canvas(width: 10, height: 1)
        d.put("ab暴雨cd", x: 0, y: 0, limit: 3)
        #expect(d.lines() == ["ab"])
    }

    @Test("overwriting half of a wide character blanks the other half")
    func mendHalves() {
        var c = Canvas(width: 6, height: 1)
        c.put("暴雨内", x: 0, y: 0)
        c.put("x", x: 1, y: 0)
        #expect(c.lines() == [" x雨内"])
        c.put("y", x: 2, y: 0)
        #expect(c.lines() == [" xy 内"])
    }

    @Test("drawing into empty, 1×1 and off-canvas areas does not crash")
    func degenerate() {
        var empty = Canvas(width: 0, height: 0)
        empty.put("济南", x: 0, y: 0)
        empty.box(Rect(x: 0, y: 0, width: 5, height: 5), title: "x")
        #expect(empty.lines() == [])
        var one = Canvas(width: 1, height: 1)
        one.put("济", x: 0, y: 0)
        #expect(one.lines() == [""])
        one.put("ab", x: -1, y: 0)
        #expect(one.lines() == ["b"])
        one.box(Rect(x: 0, y: 0, width: 1, height: 1))
        one.fill(Rect(x: -3, y: -3, width: 10, height: 10), with: "#")
        #expect(one.lines() == ["#"])
    }

    @Test("a box frames its title and returns its inside")
    func box() {
        var c = Canvas(width: 10, height: 3)
        let inside = c.box(c.bounds, title: "事件")
        #expect(inside == Rect(x: 1, y: 1, width: 8, height: 1))
        #expect(c.lines() == ["┌ 事件 ──┐", "│        │", "└────────┘"])
    }
}

@Suite("Feed text is made inert before it is drawn")
struct InertTextTests {
    @Test("escape sequences vanish whole, controls become U+FFFD, bidi overrides are dropped")
    func inert() {
        #expect(InertText.clean("plain 文本") == "plain 文本")
        #expect(InertText.clean("red\u{1B}[31mtext\u{1B}[0m") == "redtext")
        #expect(InertText.clean("title\u{1B}]0;pwned\u{07}ok") == "titleok")
        #expect(InertText.clean("osc\u{1B}]8;;http://x\u{1B}\\link") == "osclink")
        #expect(InertText.clean("a\u{202E}cba\u{202C}b") == "acbab")
        #expect(InertText.clean("bell\u{07}\u{08}") == "bell\u{FFFD}\u{FFFD}")
        #expect(InertText.clean("two\nlines\tand") == "two lines and")
        #expect(InertText.clean("c1\u{9B}2Jx") == "c1x")
        #expect(InertText.clean("trailing\u{1B}") == "trailing")
    }
}
