import Foundation

/// One address a host name resolves to, kept as the bytes of its `sockaddr`.
struct SocketAddress: Sendable {
    var family: Int32
    var bytes: [UInt8]

    /// Every address of `host` for a TCP `port`, in the resolver's order ("localhost" may
    /// give ::1 before 127.0.0.1; a connector tries each). `passive` is for listening.
    static func resolve(host: String, port: UInt16, passive: Bool = false) throws(FeedError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            let reason = status == EAI_SYSTEM ? Posix.errorText(errno) : String(cString: gai_strerror(status))
            throw FeedError("cannot find the address of \(host): \(reason)")
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let e = entry {
            if let sockaddr = e.pointee.ai_addr, e.pointee.ai_family == AF_INET || e.pointee.ai_family == AF_INET6 {
                let bytes = UnsafeRawBufferPointer(start: sockaddr, count: Int(e.pointee.ai_addrlen))
                addresses.append(SocketAddress(family: e.pointee.ai_family, bytes: Array(bytes)))
            }
            entry = e.pointee.ai_next
        }
        if addresses.isEmpty { throw FeedError("cannot find the address of \(host): it has no IPv4 or IPv6 address") }
        return addresses
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        bytes.withUnsafeBytes { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
    }

    /// The port a socket is bound to (after binding port 0, the one the system chose).
    static func boundPort(of fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer -> UInt16? in
            switch family {
            case AF_INET: return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case AF_INET6: return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            default: return nil
            }
        }
    }
}

extension SocketAddress {
    /// `127.0.0.1:41234` or `[::1]:41234`: who is at the other end of a connection.
    static func peer(of fd: Int32) -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard status == 0 else { return "a subscriber" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer -> String in
            switch family {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { a in
                    var address = a.pointee.sin_addr
                    inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
                    return "\(Self.string(text)):\(UInt16(bigEndian: a.pointee.sin_port))"
                }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { a in
                    var address = a.pointee.sin6_addr
                    inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
                    return "[\(Self.string(text))]:\(UInt16(bigEndian: a.pointee.sin6_port))"
                }
            default:
                return "a subscriber"
            }
        }
    }

    private static func string(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
