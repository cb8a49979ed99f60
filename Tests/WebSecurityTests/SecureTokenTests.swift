import RepairCore
import Testing
import WebSecurity

@Suite("Tokens, CSRF and signed tracking links")
struct SecureTokenTests {
    let secret = try! ServerSecret(hex: String(repeating: "5a", count: 32))

    @Test func tokensAreRandomAndWellFormed() {
        let first = SecureToken.make()
        let second = SecureToken.make()
        #expect(first != second)
        #expect(first.utf8.count == SecureToken.textLength)
        #expect(Base64URL.decode(first)?.count == 32)
        #expect(SecureToken.isWellFormed(first))
        #expect(!SecureToken.isWellFormed(first + "A"))
        #expect(!SecureToken.isWellFormed(""))
        #expect(!SecureToken.isWellFormed(String(repeating: "!", count: SecureToken.textLength)))
    }

    @Test func storageHashIsHexSHA256() {
        #expect(SecureToken.storageHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = SecureToken.make()
        #expect(SecureToken.storageHash(token).count == 64)
        #expect(SecureToken.storageHash(token) != token)
    }

    @Test func serverSecretLoadsAndRefusesBadHex() throws {
        let generated = ServerSecret.generate()
        #expect(try ServerSecret(hex: generated.hexString) == generated)
        #expect(try ServerSecret(hex: " \(generated.hexString)\n") == generated)
        #expect(generated != ServerSecret.generate())
        #expect(!"\(generated)".contains(generated.hexString))
        #expect(throws: Problem.self) { try ServerSecret(hex: "abcd") }
        #expect(throws: Problem.self) { try ServerSecret(hex: String(repeating: "g", count: 64)) }
        #expect(throws: Problem.self) { try ServerSecret(bytes: [UInt8](repeating: 1, count: 31)) }
        #expect(secret.derivedKey(for: "csrf") != secret.derivedKey(for: "tracking-link"))
    }

    @Test func csrfTokenIsBoundToSessionAndSecret() {
        let session = SecureToken.storageHash(SecureToken.make())
        let token = CSRFToken.make(secret: secret, sessionTokenHash: session)
        #expect(CSRFToken.isValid(token, secret: secret, sessionTokenHash: session))
        #expect(token == CSRFToken.make(secret: secret, sessionTokenHash: session))
        let otherSession = SecureToken.storageHash(SecureToken.make())
        #expect(!CSRFToken.isValid(token, secret: secret, sessionTokenHash: otherSession))
        #expect(!CSRFToken.isValid(token, secret: ServerSecret.generate(), sessionTokenHash: session))
        #expect(!CSRFToken.isValid("", secret: secret, sessionTokenHash: session))
        #expect(!CSRFToken.isValid("not base64!", secret: secret, sessionTokenHash: session))
        #expect(!CSRFToken.isValid(String(token.dropLast()), secret: secret, sessionTokenHash: session))
    }

    @Test func trackingLinkRoundTrip() throws {
        let token = try TrackingLink.makeToken(orderNumber: "RS-7K2M-9QXD", secret: secret)
        #expect(TrackingLink.orderNumber(fromToken: token, secret: secret) == "RS-7K2M-9QXD")
        #expect(TrackingLink.orderNumber(fromToken: token, secret: ServerSecret.generate()) == nil)
        // Only URL-safe characters: the token goes straight into /t/<token>.
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test func trackingLinkTamperingFails() throws {
        let token = try TrackingLink.makeToken(orderNumber: "RS-7K2M-9QXD", secret: secret)
        var bytes = try #require(Base64URL.decode(token))
        for index in bytes.indices {
            bytes[index] ^= 0x01
            #expect(TrackingLink.orderNumber(fromToken: Base64URL.encode(bytes), secret: secret) == nil)
            bytes[index] ^= 0x01
        }
        // Swapping the number for another while keeping the MAC fails.
        let other = try #require(Base64URL.decode(TrackingLink.makeToken(orderNumber: "RS-AAAA-BBBB", secret: secret)))
        let spliced = Array(other.prefix(14)) + Array(bytes.suffix(TrackingLink.macByteCount))
        #expect(TrackingLink.orderNumber(fromToken: Base64URL.encode(spliced), secret: secret) == nil)
    }

    @Test(arguments: ["", "x", "AAAA", "not base64!", String(repeating: "A", count: 500)])
    func trackingLinkRejectsJunk(token: String) {
        #expect(TrackingLink.orderNumber(fromToken: token, secret: secret) == nil)
    }

    @Test func trackingLinkRefusesBadNumbers() {
        #expect(throws: Problem.self) { try TrackingLink.makeToken(orderNumber: "", secret: secret) }
        let longest = String(repeating: "9", count: TrackingLink.maximumOrderNumberByteCount)
        #expect((try? TrackingLink.makeToken(orderNumber: longest, secret: secret)) != nil)
        let error = #expect(throws: Problem.self) {
            try TrackingLink.makeToken(orderNumber: longest + "9", secret: secret)
        }
        #expect(error?.fieldErrors.first?.rule.code == .tooLongBytes)
    }
}
