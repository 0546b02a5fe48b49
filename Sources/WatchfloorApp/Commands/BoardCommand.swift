import Foundation
import WatchfloorCore

/// `watchfloor board`: the store's board, as text or as JSON.
public enum BoardCommand {
    public static func run(storePath: String, json: Bool) throws(AppError) {
        let reference = try Reference.load(try DataFiles.locate())
        let store = try StoreOpener.existing(storePath, hint: "replay or ingest into it first, or pass --store PATH")
        let board = try StoreFold.open(store, reference: reference, exercise: false).board
        let output = LogOutput()
        if json {
            output.write(line: BoardJSON.bytes(board, reference: reference))
        } else {
            output.write(line: Array(BoardSummary.text(board, reference: reference).utf8))
        }
        output.flush()
    }
}
