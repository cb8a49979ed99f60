import Testing
import WebSecurity

@Suite("base64url and constant-time compare")
struct Base64URLTests {
    // RFC 4648 §10 vectors without padding, plus bytes that use the URL-safe symbols.
    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func urlSafeAlphabet() {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
    }

    @Test func roundTripsEveryLength() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test(arguments: [
        "Zm9v=",  // padding is not part of the unpadded form
        "Zm+v",  // standard base64 symbol
        "Zm/v",
        "Zm9 v",  // whitespace
        "Z",  // impossible length
        "Zm9vY",  // impossible length
        "Zh",  // non-zero unused bits: not the canonical encoding of "f"
        "ą",  // non-ASCII
    ])
    func rejectsBadInput(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func constantTimeCompare() {
        #expect(ConstantTime.isEqual([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2]))
        #expect(ConstantTime.isEqual([UInt8](), [UInt8]()))
        #expect(ConstantTime.isEqual("łódź", "łódź"))
        #expect(!ConstantTime.isEqual("lodz", "łódź"))
    }
}
