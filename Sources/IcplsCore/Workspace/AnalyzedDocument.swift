import IcplsDocument

/// Where a document stands in workspace order: by root (in the order the roots
/// are given), then by path relative to that root, byte-wise over UTF-8.
/// Documents outside every root come last, by URI.
public struct DocumentOrder: Hashable, Sendable, Comparable {
    public var rootIndex: Int
    public var relativePath: String

    public init(rootIndex: Int, relativePath: String) {
        self.rootIndex = rootIndex
        self.relativePath = relativePath
    }

    public static func outsideRoots(uri: String) -> DocumentOrder {
        DocumentOrder(rootIndex: Int.max, relativePath: uri)
    }

    public static func < (lhs: DocumentOrder, rhs: DocumentOrder) -> Bool {
        if lhs.rootIndex != rhs.rootIndex { return lhs.rootIndex < rhs.rootIndex }
        return lhs.relativePath.utf8.lexicographicallyPrecedes(rhs.relativePath.utf8)
    }
}

/// One document read and checked on its own: text, lines, syntax tree, model
/// and structure findings. Computed once per version of the text and shared
/// by every workspace check that includes it.
public struct AnalyzedDocument: Sendable {
    public let key: DocumentKey
    public let order: DocumentOrder
    public let text: [UInt8]
    public let lineIndex: LineIndex
    public let tree: JSONSyntaxTree
    public let model: DocumentModel
    public let findings: [StructuralFinding]

    /// The analysis of `text`; a line index, syntax tree or reading of that tree the
    /// caller already holds for this very text is used instead of being made again.
    ///
    /// `onBothCores`: a large text is parsed and read on two cores. A language server, which
    /// keeps its trees and readings for a long time, makes them on one: memory a second thread
    /// allocates goes back to that thread's malloc arena when freed, where the first does not
    /// reuse it, and the server's resident memory kept 17 MiB more at 10 MB. (The inventory and
    /// index, a fraction of that size, are still built on both cores; that did not show.)
    public init(
        key: DocumentKey, order: DocumentOrder, text: [UInt8], lineIndex: LineIndex? = nil, tree: JSONSyntaxTree? = nil,
        reading: (model: DocumentModel, findings: [StructuralFinding])? = nil, onBothCores: Bool = true
    ) {
        self.key = key
        self.order = order
        self.text = text
        let made: (LineIndex, JSONSyntaxTree)
        let sideBySideFrom = onBothCores ? JSONCParser.sideBySideMinimum : .max
        switch (lineIndex, tree) {
        case let (lineIndex?, tree?): made = (lineIndex, tree)
        case (nil, nil):
            // A large text's lines are indexed while its parse waits for the other core's part.
            let (tree, lineIndex) = text.withUnsafeBufferPointer { JSONCParser.parseIndexingLines($0, sideBySideFrom: sideBySideFrom) }
            made = (lineIndex, tree)
        default: made = (lineIndex ?? LineIndex(text), tree ?? text.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: sideBySideFrom) })
        }
        (self.lineIndex, self.tree) = made
        let tree = made.1
        (model, findings) = reading.map { ($0.model, $0.findings) }
            ?? DocumentReader.read(tree, sideBySide: (tree.root?.range.length ?? 0) >= sideBySideFrom)
    }

    /// The same analysis under another place in the workspace.
    public func reordered(_ order: DocumentOrder) -> AnalyzedDocument {
        AnalyzedDocument(key: key, order: order, copying: self)
    }

    private init(key: DocumentKey, order: DocumentOrder, copying other: AnalyzedDocument) {
        self.key = key
        self.order = order
        text = other.text
        lineIndex = other.lineIndex
        tree = other.tree
        model = other.model
        findings = other.findings
    }

    public func slice(_ range: ByteRange) -> String {
        text.withUnsafeBufferPointer { buffer in
            UTF8Decoding.decode(UnsafeBufferPointer(rebasing: buffer[range.start..<range.end]))
        }
    }
}
