extension HTTPParser {
    /// Decides body framing, keep-alive and expectations from the header section (RFC 9112 §6.3, §9.3).
    func makeHead() throws(HTTPServerError) -> HTTPRequestHead {
        let headers = pendingHeaders
        let version = pendingVersion
        // RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without exactly one Host.
        let hosts = headers.values(for: "Host")
        if version == .http1_1, hosts.count != 1 { throw .bad("Host", "HTTP/1.1 requests need exactly one Host field") }
        if hosts.count > 1 { throw .bad("Host", "more than one Host field") }

        let transferEncodings = headers.values(for: "Transfer-Encoding")
        let contentLengths = headers.values(for: "Content-Length")
        var framing = HTTPBodyFraming.none
        if !transferEncodings.isEmpty {
            guard version == .http1_1 else { throw .bad("Transfer-Encoding", "not allowed in HTTP/1.0") }
            guard contentLengths.isEmpty else {
                throw .bad("Transfer-Encoding", "must not be sent together with Content-Length")
            }
            let codings = transferEncodings.flatMap { $0.split(separator: ",") }
                .map { $0.trimmingWhitespace().lowercased() }
            guard codings.last == "chunked", codings.filter({ $0 == "chunked" }).count == 1 else {
                throw .bad("Transfer-Encoding", "chunked must be the final coding, once")
            }
            guard codings.count == 1 else {
                throw HTTPServerError(.notImplemented, field: "Transfer-Encoding", rule: "only chunked is implemented")
            }
            framing = .chunked
        } else if !contentLengths.isEmpty {
            let values = contentLengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
                .map { $0.trimmingWhitespace() }
            var length: Int?
            for value in values {
                guard !value.isEmpty, value.count <= 18, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                    let parsed = Int(value)
                else { throw .bad("Content-Length", "must be decimal digits") }
                guard length == nil || length == parsed else { throw .bad("Content-Length", "differing values") }
                length = parsed
            }
            framing = .length(length ?? 0)
        }

        let isKeepAlive =
            version == .http1_1
            ? !headers.containsToken("close", in: "Connection")
            : headers.containsToken("keep-alive", in: "Connection") && !headers.containsToken("close", in: "Connection")

        var expectsContinue = false
        if let expect = headers["Expect"] {
            guard expect.lowercased() == "100-continue" else {
                throw HTTPServerError(.expectationFailed, field: "Expect", rule: "only 100-continue is supported")
            }
            expectsContinue = version == .http1_1 && framing != .none && framing != .length(0)
        }
        return HTTPRequestHead(
            method: pendingMethod, target: pendingTarget, version: version, headers: headers,
            framing: framing, isKeepAlive: isKeepAlive, expectsContinue: expectsContinue)
    }
}
