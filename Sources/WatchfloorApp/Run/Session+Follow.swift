import WatchfloorCore
import WatchfloorStore
import WatchfloorUI

/// A console shows what others write to its store (another console's commands, a gateway's
/// acks, an ingester's reports) as soon as its `LogWatch` says the log grew: it reads by seq
/// from its own head and folds the entries in. The watch also says when the store is out of
/// reach; the console then shows it, refuses commands it could not commit, and reads what it
/// missed once the store is back.
extension Session {
    /// How long to wait before reading again after a read that failed although the watch
    /// reaches the store (the store's own connection broke and reconnects on the next call).
    static let readRetrySeconds = 0.2

    /// Watches the session's store (again, after a rewind moved it to a new file).
    func startFollowing() throws(AppError) {
        stopFollowing()
        guard let store else { return }
        do { logWatch = try store.watchLog() } catch { throw AppError(error.message) }
        catchUpOwed = false
        readTrouble = nil
    }

    func stopFollowing() {
        logWatch?.close()
        logWatch = nil
    }

    func follow(wall: Double) throws(AppError) {
        guard let store, let watch = logWatch else { return }
        let news = watch.take()
        if news.readAgain { catchUpOwed = true }
        // While the watch cannot reach the server, neither can a read: do not block the
        // loop trying. Its return asks for the read that covers the gap.
        if news.lost == nil, catchUpOwed, wall >= nextCatchUp {
            do throws(AppError) {
                if boardUnconfirmed { try reloadBoard(store) } else { try catchUp(store) }
                catchUpOwed = false
                readTrouble = nil
            } catch {
                guard error.storeUnreachable else { throw error }
                readTrouble = error.message
                nextCatchUp = wall + Self.readRetrySeconds
            }
        }
        let trouble = news.lost ?? readTrouble
        if trouble != storeTrouble {
            storeTrouble = trouble
            dirty = true
        }
    }

    /// How long the loop may wait for a key and still follow promptly.
    var followInterval: Double? {
        logWatch?.lookInterval
    }

    /// A commit of feed or replay lines broke off with the connection (`readFeeds`, `advance`):
    /// until the board is read again from the store, the console shows the store as out of
    /// reach and neither folds nor commits anything; the lines wait and go in after.
    func unconfirmBoard(wall: Double) {
        boardUnconfirmed = true
        catchUpOwed = true
        readTrouble = strings.pick("提交时与存储的连接中断", "the connection to the store broke while committing")
        storeTrouble = readTrouble
        nextCatchUp = wall + Self.readRetrySeconds
        dirty = true
    }

    /// The board as the store has it, read from its first entry: what this console folded but
    /// the store may not have taken is gone, and the feeds' lines are folded again on it.
    private func reloadBoard(_ store: any DispatchStore) throws(AppError) {
        intake = try StoreFold.open(store, reference: reference, exercise: intake.exercise)
        boardUnconfirmed = false
        invalidateRows()
    }

    /// A board command cannot be committed now: the store is out of reach. Nothing of it is
    /// on the board or in the log; the officer types it again once the store is back.
    func refuseUnreachable(_ line: String) {
        view.message = Message(.rejected, strings.rejected + line + strings.pick(
            " — 未提交：存储不可达（正在重连），恢复后请重新输入",
            " — not committed: the store cannot be reached (reconnecting); type it again once it is back"
        ))
    }

    /// The connection broke while the command was being committed, so whether it was is not
    /// known: the board goes back to what the store confirmed, and the read after the store is
    /// back shows the command if it was committed.
    func refuseUnconfirmed(_ line: String, restoring confirmed: Intake) {
        intake = confirmed
        catchUpOwed = true
        invalidateRows()
        view.message = Message(.rejected, strings.rejected + line + strings.pick(
            " — 未确认：提交时与存储的连接中断；存储恢复后，若已提交，看板会显示",
            " — not confirmed: the connection to the store broke while committing; once it is back the board shows it if it was committed"
        ))
    }
}
