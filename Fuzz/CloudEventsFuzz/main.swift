import Foundation
import FuzzSupport
import WatchfloorCore

// libFuzzer's entry point: one feed line (DESIGN §3.1) as a broken or hostile feed might send
// it. The decoder must refuse it with a reason or decode it; then the line takes a replay's
// path onto a fresh board and, when it decodes, a live feed's path onto a busy board, so a
// crash in correlation or in applying a well-formed but hostile message is found too.
// Built only by `make fuzz`.

exit(FuzzDriver.run(fuzz))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line = UnsafeRawBufferPointer(start: data, count: size)
    let message: FeedMessage?
    do throws(RejectReason) {
        message = try CloudEventDecoder.decode(line)
    } catch {
        FuzzChecks.readable(error.message)
        message = nil
    }

    var fresh = FuzzBoards.freshIntake
    FuzzChecks.ingest(line, into: &fresh)

    if let message {
        var busy = FuzzBoards.busyIntake
        // The runtime's clock agrees with the message, so no time is refused as implausible.
        FuzzChecks.ingest(line, into: &busy, now: message.envelope.time)
    }
    return 0
}
