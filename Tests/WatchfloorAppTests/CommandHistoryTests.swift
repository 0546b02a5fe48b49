import Testing
@testable import WatchfloorApp

@Suite("Command line history")
struct CommandHistoryTests {
    @Test("↑ walks back through commands, ↓ returns to what was being typed; repeats are kept once")
    func walk() {
        var h = CommandHistory()
        h.add("ack SD-0001")
        h.add("ack SD-0001")
        h.add("level SD-0002 II")
        h.add("   ")
        #expect(h.entries == ["ack SD-0001", "level SD-0002 II"])
        #expect(h.older(than: "no") == "level SD-0002 II")
        #expect(h.older(than: "") == "ack SD-0001")
        #expect(h.older(than: "") == nil)
        #expect(h.newer() == "level SD-0002 II")
        #expect(h.newer() == "no")
        #expect(h.newer() == nil)
    }
}
