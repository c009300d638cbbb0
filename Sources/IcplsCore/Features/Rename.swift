import IcplsDocument

/// Where a rename starts: the text between the quotes of the id or number, and that text.
public struct RenamePreparation: Hashable, Sendable {
    public var range: ByteRange
    public var placeholder: String
}

public enum RenameError: Error, Hashable, Sendable {
    /// The cursor is on no id or number.
    case notRenamable
    case emptyName
    /// Another declaration of the same kind already has the new name; renaming
    /// would merge two things into one.
    case alreadyExists(String)
}

/// Renames an account id, instance id, number or filing id in every document
/// of the workspace: declarations (duplicates too) and references.
public enum Rename {
    public static func prepareRename(at offset: Int, in document: DocumentKey, result: CheckResult) -> RenamePreparation? {
        guard let symbol = SymbolFinder.symbol(at: offset, in: document, result: result) else { return nil }
        let token = symbol.location.range
        // Inside the quotes, so an editor selects the name rather than the JSON string.
        return RenamePreparation(range: ByteRange(start: token.start + 1, end: max(token.start + 1, token.end - 1)), placeholder: symbol.name)
    }

    /// One edit per occurrence, each replacing the whole string token with the
    /// new name as a JSON string. Renaming to the same name changes nothing.
    public static func rename(
        at offset: Int, in document: DocumentKey, result: CheckResult, newName: String
    ) -> Result<[TextEdit], RenameError> {
        guard let symbol = SymbolFinder.symbol(at: offset, in: document, result: result) else { return .failure(.notRenamable) }
        guard !newName.isEmpty else { return .failure(.emptyName) }
        guard !newName.isExactly(symbol.name) else { return .success([]) }
        let taken = SymbolFinder.occurrences(of: symbol.kind, named: newName, in: result).contains { $0.isDeclaration }
        guard !taken else { return .failure(.alreadyExists(newName)) }
        let quoted = JSONText.quoted(newName)
        let edits = SymbolFinder.occurrences(of: symbol.kind, named: symbol.name, in: result).map { occurrence in
            TextEdit(location: occurrence.location, newText: quoted)
        }
        return .success(edits)
    }
}
