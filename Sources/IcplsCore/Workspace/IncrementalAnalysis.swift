import IcplsDocument

/// The syntax tree of a document's text and the reading of that tree, kept from one edit
/// to the next: an edit inside one array element re-parses only that element, and one
/// inside a top-level element reads only that element again. Either is dropped when an
/// edit cannot be applied to it; the next analysis then makes it from the text.
public struct IncrementalAnalysis: Sendable {
    public private(set) var tree: JSONSyntaxTree?
    public private(set) var reading: (model: DocumentModel, findings: [StructuralFinding])?

    public init() {}

    /// Keeps what an analysis of the current text made.
    public mutating func remember(_ analyzed: AnalyzedDocument) {
        tree = analyzed.tree
        reading = (analyzed.model, analyzed.findings)
    }

    /// Drops everything: the text was replaced as a whole.
    public mutating func forget() {
        tree = nil
        reading = nil
    }

    /// Brings the tree and its reading up to date after `replacement` made `newText`.
    public mutating func apply(_ replacement: TextReplacement, newText: [UInt8]) {
        // Taken out while they change: held by nothing else, they change in place, not copied.
        guard var tree = tree.take() else {
            forget()
            return
        }
        guard let reparsed = newText.withUnsafeBufferPointer({ JSONCParser.reparse(&tree, after: replacement, newText: $0) }) else {
            forget()
            return
        }
        if var previous = reading.take(),
           DocumentReader.reread(&previous, tree: tree, reparsed: reparsed, delta: replacement.delta) {
            reading = previous
        }
        self.tree = tree
    }

    /// The analysis of `text`, which must be the text this was last brought up to date for
    /// (`onBothCores` as for `AnalyzedDocument`).
    public func analyze(key: DocumentKey, order: DocumentOrder, text: [UInt8], lineIndex: LineIndex?, onBothCores: Bool = true) -> AnalyzedDocument {
        AnalyzedDocument(key: key, order: order, text: text, lineIndex: lineIndex, tree: tree, reading: reading, onBothCores: onBothCores)
    }
}
