import Testing
import WebSecurity

@Suite("Session cookie")
struct SessionCookieTests {
    let token = SecureToken.make()

    @Test func setCookieHasTheSecurityAttributes() {
        let plain = SessionCookie().setCookieValue(token: token)
        #expect(plain == "repairshop_session=\(token); Path=/; Max-Age=43200; HttpOnly; SameSite=Lax")
        let secure = SessionCookie(maxAge: 60, isSecure: true).setCookieValue(token: token)
        #expect(secure == "repairshop_session=\(token); Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure")
    }

    @Test func expiredCookieClearsTheSession() {
        #expect(
            SessionCookie(isSecure: true).expiredSetCookieValue()
                == "repairshop_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure")
    }

    @Test func readsTheTokenAmongOtherCookies() {
        let cookie = SessionCookie()
        #expect(cookie.token(fromCookieHeader: "repairshop_session=\(token)") == token)
        #expect(cookie.token(fromCookieHeader: "theme=dark; repairshop_session=\(token); lang=pl") == token)
        #expect(cookie.token(fromCookieHeader: "theme=dark;repairshop_session=\(token)") == token)
    }

    @Test(arguments: [
        "",
        "theme=dark",
        "repairshop_session=",
        "repairshop_session=short",
        "repairshop_session=\(String(repeating: "!", count: 43))",
        "xrepairshop_session=\(SecureToken.make())",
        "repairshop_sessionx=\(SecureToken.make())",
        "repairshop_session=\(SecureToken.make())x",
        String(repeating: "a=b; ", count: 2000) + "repairshop_session=\(SecureToken.make())",
    ])
    func refusesMissingOrMalformedTokens(header: String) {
        #expect(SessionCookie().token(fromCookieHeader: header) == nil)
    }
}
