import Testing
@testable import WatchfloorCore

@Suite("JSON reader")
struct JSONReaderTests {
    @Test("reads every kind of value, in order", arguments: [
        ("{\"a\":1,\"b\":[true,false,null],\"c\":\"x\"}", JSONValue.object([("a", .number(1)), ("b", .array([.bool(true), .bool(false), .null])), ("c", .string("x"))])),
        ("  [ -1.5e2 , 0, 0.25 ]  ", .array([.number(-150), .number(0), .number(0.25)])),
        ("\"\\u6d4e\\u5357 \\ud83d\\ude92 \\n\\t\\\"\\\\/\"", .string("济南 🚒 \n\t\"\\/")),
        ("\"济南\"", .string("济南")),
        ("{}", .object([])),
    ])
    func valid(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(text) == expected)
    }

    @Test("refuses what JSON does not allow, saying what is wrong", arguments: [
        ("{\"a\":1,}", "expected a member name"),
        ("{\"a\" 1}", "expected ':'"),
        ("[1 2]", "expected ',' or ']'"),
        ("\"abc", "unterminated string"),
        ("\"a\u{01}b\"", "control character"),
        ("01", "may not start with 0"),
        ("1.", "digits after '.'"),
        ("tru", "expected true or false"),
        ("@", "unexpected character '@'"),
        ("\"\\ud83d\"", "unpaired surrogate"),
        ("\"\\x\"", "bad escape"),
        ("{\"a\":1} x", "unexpected text after"),
        ("", "unexpected end"),
    ])
    func invalid(text: String, reason: String) {
        #expect {
            try JSONValue.parse(text)
        } throws: { error in
            (error as? JSONError)?.message.contains(reason) == true
        }
    }

    @Test("invalid UTF-8 inside a string is an error, never repaired")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("{\"t\":\"a".utf8) + [0xE6, 0xB5] + Array("\"}".utf8)
        #expect(throws: JSONError.self) { try JSONValue.parse(bytes: bytes) }
        let skipped: [UInt8] = Array("{\"x\":\"".utf8) + [0xFF] + Array("\",\"t\":1}".utf8)
        #expect(throws: JSONError.self) { try JSONValue.parse(bytes: skipped) }
    }

    @Test("deep nesting is refused instead of exhausting the stack")
    func depth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { try JSONValue.parse(deep) }
    }

    @Test("writer output reads back to the same value")
    func roundTrip() throws {
        let value = JSONValue.object([
            ("title", .string("经十路\"下穿\"\n积水\u{1}")), ("lat", .number(36.66123)), ("n", .number(-42)),
            ("list", .array([.null, .bool(true), .number(1e-5)])),
        ])
        var w = JSONWriter()
        value.write(to: &w)
        #expect(try JSONValue.parse(bytes: w.bytes) == value)
        #expect(String(decoding: w.bytes, as: UTF8.self).contains("经十路\\\"下穿\\\"\\n积水\\u0001"))
    }
}
