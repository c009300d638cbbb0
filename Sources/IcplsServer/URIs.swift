import IcplsCore

/// `file://` URIs and paths, both ways, with percent-encoding.
enum FileURI {
    /// The path of a `file:` URI, or nil for any other scheme.
    static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // An authority (usually empty or "localhost") comes before the path.
        if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { return nil }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        guard let decoded = percentDecode(String(rest)) else { return nil }
        return FilePath.normalize(decoded)
    }

    static func uri(ofPath path: String) -> String {
        "file://" + percentEncode(path)
    }

    /// The document key of a URI: its path for files, the URI itself otherwise.
    static func documentKey(_ uri: String) -> DocumentKey {
        DocumentKey(path(of: uri) ?? uri)
    }

    /// The URI of a document key made by `documentKey`.
    static func uri(of key: DocumentKey) -> String {
        key.rawValue.hasPrefix("/") ? uri(ofPath: key.rawValue) : key.rawValue
    }

    private static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func percentEncode(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: "/")
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
