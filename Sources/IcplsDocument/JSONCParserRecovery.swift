/// How the parser goes on after what JSONC forbids, and how it reports it: kept apart from the
/// reading of values in `JSONCParser.swift`.
extension Parser {
    /// True when `closer` closes a container that encloses the current one.
    func closesEnclosing(_ closer: JSONCLexer.Kind) -> Bool {
        openClosers.dropLast().contains(closer)
    }

    /// Skips tokens (whole nested containers at a time) up to the next comma,
    /// which is consumed, or the next closing bracket or member name, which is not.
    mutating func skipToSync(inObject: Bool) {
        while true {
            switch current.kind {
            case .endOfText, .endObject, .endArray:
                if current.kind == .endOfText || current.kind == openClosers.last || closesEnclosing(current.kind) { return }
                advance()
            case .comma:
                advance()
                return
            case .beginObject, .beginArray:
                _ = skipContainer()
            case .string where inObject && nextIsColon():
                return
            default:
                advance()
            }
        }
    }

    /// Skips a container without building it; returns the offset just after it.
    mutating func skipContainer() -> Int {
        var depth = 0
        var end = current.end
        repeat {
            switch current.kind {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            case .endOfText: return end
            default: break
            }
            end = current.end
            advance()
        } while depth > 0
        return end
    }

    mutating func nextIsColon() -> Bool {
        var lookahead = lexer
        return lookahead.next().kind == .colon
    }

    mutating func reportMissingSeparator(_ kind: SyntaxErrorKind) {
        if afterUnterminatedString { return }
        report(current.range, kind)
    }

    mutating func reportMissing(_ bracket: Character) {
        let closer: JSONCLexer.Kind = bracket == "}" ? .endObject : .endArray
        if let swallowed = swallowedClosers[closer], swallowed > 0 {
            // None left is none at all: an empty table lets elements be read without tokens again.
            swallowedClosers[closer] = swallowed > 1 ? swallowed - 1 : nil
            return
        }
        if afterUnterminatedString && current.kind == .endOfText { return }
        report(current.range, .missingClosingBracket(bracket))
    }

    mutating func report(_ range: ByteRange, _ kind: SyntaxErrorKind) {
        guard errorStarts.insert(range.start).inserted else { return }
        errors.append(SyntaxError(range: range, kind: kind))
    }
}
