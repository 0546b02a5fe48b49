import Foundation
import FuzzSupport
import WatchfloorCore

// libFuzzer's entry point: one CAP document (DESIGN §3.2) as a broken or hostile sender might
// send it. Decoded twice, as the two ways a document arrives: raw bytes whose encoding the
// decoder works out, and (when the bytes are UTF-8) the text an `alert` CloudEvent carries.
// An alert that decodes is then sent as an `alert` line onto a busy board, so its warning is
// issued, updated or cancelled and its areas laid over open incidents.
// Built only by `make fuzz`.

exit(FuzzDriver.run(fuzz))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = decodeOrRefuse { () throws(CAPError) in try CAPDecoder.decode(Data(buffer: bytes)) }

    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    guard decodeOrRefuse({ () throws(CAPError) in try CAPDecoder.decode(xml: text) }) != nil else { return 0 }
    var busy = FuzzBoards.busyIntake
    AlertLine.make(xml: text, at: busy.board.clock!).withUnsafeBytes { line in
        FuzzChecks.ingest(line, into: &busy)
    }
    return 0
}

/// The alert, or nil once the refusal has been checked for a reason.
func decodeOrRefuse(_ decode: () throws(CAPError) -> CAPAlert) -> CAPAlert? {
    do throws(CAPError) {
        return try decode()
    } catch {
        FuzzChecks.readable(error.problems.joined())
        return nil
    }
}
