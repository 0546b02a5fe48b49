/// `withUnsafeBytes` that keeps a typed error: the standard library's version rethrows
/// `any Error`, which typed-throws callers cannot pass on.
extension Array where Element == UInt8 {
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = withUnsafeBytes { b in
            do throws(E) { return .success(try body(b)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
