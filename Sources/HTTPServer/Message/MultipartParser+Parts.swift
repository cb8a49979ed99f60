import Foundation
import Glibc

extension MultipartParser {
    /// Reads `Content-Disposition: form-data; name="…"; filename="…"` and opens the part's sink.
    mutating func beginPart(_ headerText: String) throws(HTTPServerError) {
        guard parts.count < limits.maxParts else { throw .bad("multipart", "more than \(limits.maxParts) parts") }
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headerText.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { throw .bad("multipart", "part header without colon") }
            let field = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            if field == "content-type" { contentType = String(value) }
            guard field == "content-disposition" else { continue }
            for parameter in value.split(separator: ";").dropFirst() {
                let pair = parameter.trimmingWhitespace().split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                var text = pair[1]
                if text.count >= 2, text.first == "\"", text.last == "\"" { text = text.dropFirst().dropLast() }
                switch pair[0].lowercased() {
                case "name": name = String(text)
                case "filename": filename = String(text)
                default: break
                }
            }
        }
        guard let name else { throw .bad("multipart", "part without a Content-Disposition name") }
        current = MultipartPart(name: name, filename: filename, contentType: contentType, content: .text(""))
        fieldBytes = []
        fileLength = 0
        if filename != nil {
            var template = Array("\(directory)/multipart-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw HTTPServerError.system("mkstemp") }
            file = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            current?.content = .file(path: String(nullTerminated: template), length: 0)
        }
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) throws(HTTPServerError) {
        guard !bytes.isEmpty, let current else { return }
        if let file {
            do { try file.write(contentsOf: bytes) } catch { throw HTTPServerError.system("write multipart file") }
            fileLength += bytes.count
        } else {
            guard fieldBytes.count + bytes.count <= limits.maxFieldBytes else {
                throw .bad("multipart field \(current.name)", "longer than \(limits.maxFieldBytes) bytes")
            }
            fieldBytes += bytes
        }
    }

    mutating func endPart() throws(HTTPServerError) {
        guard var part = current else { return }
        if let file {
            try? file.close()
            self.file = nil
            if case .file(let path, _) = part.content { part.content = .file(path: path, length: fileLength) }
        } else {
            guard let text = String(validating: fieldBytes, as: UTF8.self) else {
                throw .bad("multipart field \(part.name)", "value is not valid UTF-8")
            }
            part.content = .text(text)
        }
        parts.append(part)
        current = nil
    }
}
