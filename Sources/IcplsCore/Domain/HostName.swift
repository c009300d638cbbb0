/// Domains are bare host names: no scheme, path, port, user or whitespace.
public enum HostName {
    public static func isBare(_ domain: String) -> Bool {
        guard !domain.isEmpty else { return false }
        // Most domains are ASCII: their bytes are checked without decoding a scalar each.
        let asciiAnswer: Bool? = domain.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes {
                switch byte {
                case 0x80...: return nil
                case UInt8(ascii: " "), 0x09...0x0D, UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"):
                    return false
                default: continue
                }
            }
            return true
        } ?? nil
        if let asciiAnswer { return asciiAnswer }
        for scalar in domain.unicodeScalars {
            if scalar.isASCII {
                if scalar == " " || (0x09...0x0D).contains(scalar.value) { return false }
            } else if scalar.properties.isWhitespace {
                return false
            }
            switch scalar {
            case "/", ":", "?", "#", "@": return false
            default: continue
            }
        }
        return true
    }

    /// The host of a URL-like domain (`https://shop.example.cn:8080/a` → `shop.example.cn`),
    /// or nil when what remains is still no bare host name.
    public static func bareHost(of domain: String) -> String? {
        var rest = Substring(domain)
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":"), rest[rest.index(after: colon)...].allSatisfy(\.isASCIIDigit) {
            rest = rest[..<colon]
        }
        let host = String(rest)
        return host != domain && isBare(host) ? host : nil
    }

    /// The form a domain is compared in (Unicode lower case, a trailing dot ignored), and whether
    /// keys like it may be compared by their bytes.
    ///
    /// Keys compare as Swift strings do, by canonical equivalence. For a key of ASCII bytes other
    /// than `;` and `` ` `` that is the same as comparing bytes, with any key: no other text is
    /// canonically equivalent to it. (Only U+037E, U+1FEF and the Kelvin sign decompose to ASCII,
    /// into `;`, `` ` `` and `K`, and lower case has no `K`.)
    public static func comparison(of domain: String) -> (key: String, comparesByBytes: Bool) {
        // Most domains are lower-case ASCII already: they are their own key, with nothing allocated.
        let isPlainKey = domain.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.last != UInt8(ascii: ".") && !bytes.contains { byte in
                byte >= 0x80 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "`")
            }
        }
        if isPlainKey == true { return (domain, true) }
        let lowered = domain.lowercased()
        let key = lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
        return (key, key.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
