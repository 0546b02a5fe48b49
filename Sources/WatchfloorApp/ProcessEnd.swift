/// Values that live until the process exits and are never freed one by one: a replayed
/// day's board holds millions of small objects, and releasing them all just before `exit`
/// is work nobody needs. Only for state whose deinit does nothing observable.
enum ProcessEnd {
    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
