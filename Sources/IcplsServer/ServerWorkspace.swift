import IcplsCore
import IcplsDocument

/// The documents the server knows: every `*.icp.json` under the workspace
/// folders as read from disk, and the open documents, whose text overrides
/// the disk. Analyses are kept per document and redone only when its text changes.
final class ServerWorkspace {
    struct Root: Equatable {
        var uri: String
        var path: String
    }

    struct OpenDocument {
        var uri: String
        var version: Int64
        var text: [UInt8]
        var lineIndex: LineIndex
        /// What the last analysis of `text` made, kept up to date through edits.
        var incremental = IncrementalAnalysis()
    }

    private(set) var roots: [Root] = []
    private(set) var open: [DocumentKey: OpenDocument] = [:]
    /// Files read from disk under the roots, by key.
    private var disk: [DocumentKey: [UInt8]] = [:]
    private var analyses: [DocumentKey: AnalyzedDocument] = [:]
    /// Files that could not be read, for the log.
    private(set) var readProblems: [String] = []

    func setRoots(_ newRoots: [Root]) {
        roots = newRoots
        analyses.removeAll()
    }

    /// Reads every document under the roots again.
    func indexAll(progress: (Int, Int) -> Void = { _, _ in }) {
        let discovery = WorkspaceDiscovery.discover(roots: roots.map(\.path), currentDirectory: "/")
        readProblems = discovery.problems.map(\.description)
        var found: [DocumentKey: [UInt8]] = [:]
        for (offset, file) in discovery.files.enumerated() {
            progress(offset, discovery.files.count)
            do {
                found[DocumentKey(file.path)] = try FileIO.readFile(file.path)
            } catch {
                readProblems.append(error.description)
            }
        }
        disk = found
        analyses.removeAll()
    }

    /// Reads one file again after the client said it changed; false when nothing changed.
    @discardableResult
    func reload(path: String) -> Bool {
        let key = DocumentKey(path)
        let previous = disk[key]
        if isUnderRoots(path), WorkspaceDiscovery.isDocumentPath(relativePath(path) ?? ""), let text = try? FileIO.readFile(path) {
            disk[key] = text
        } else {
            disk[key] = nil
        }
        guard disk[key] != previous else { return false }
        if open[key] == nil { analyses[key] = nil }
        return true
    }

    func openDocument(uri: String, version: Int64, text: [UInt8]) {
        let key = FileURI.documentKey(uri)
        open[key] = OpenDocument(uri: uri, version: version, text: text, lineIndex: LineIndex(text))
        analyses[key] = nil
    }

    /// A closed document counts as it is on disk again, read now: it may have been saved
    /// while open, and not every client reports file changes.
    func closeDocument(uri: String) {
        let key = FileURI.documentKey(uri)
        open[key] = nil
        analyses[key] = nil
        if let path = FileURI.path(of: uri) { reload(path: path) }
    }

    /// Applies the changes of one didChange in order; a change without a range replaces the whole text.
    func changeDocument(uri: String, version: Int64, changes: [(range: (start: LinePosition, end: LinePosition)?, text: String)], encoding: PositionEncoding) -> Bool {
        let key = FileURI.documentKey(uri)
        // Taken out of the tables while it changes, so that nothing else holds its text and tree.
        analyses[key] = nil
        guard var document = open.removeValue(forKey: key) else { return false }
        for change in changes {
            if let range = change.range {
                let start = document.lineIndex.offset(of: range.start, in: document.text, encoding: encoding)
                let end = document.lineIndex.offset(of: range.end, in: document.text, encoding: encoding)
                let inserted = Array(change.text.utf8)
                let replaced = ByteRange(start: min(start, end), end: max(start, end))
                document.text.replaceSubrange(replaced.start..<replaced.end, with: inserted)
                document.lineIndex = document.lineIndex.applying(replaced, insertedCount: inserted.count, to: document.text)
                document.incremental.apply(TextReplacement(replaced: replaced, insertedCount: inserted.count), newText: document.text)
            } else {
                document.text = Array(change.text.utf8)
                document.lineIndex = LineIndex(document.text)
                document.incremental.forget()
            }
        }
        document.version = version
        open[key] = document
        return true
    }

    /// Every document of the workspace, analysed; open ones with their editor text.
    func analyzedDocuments() -> [AnalyzedDocument] {
        var keys = Set(disk.keys)
        keys.formUnion(open.keys)
        return keys.map { key in
            if let cached = analyses[key] { return cached }
            if let document = open[key] {
                // On one core: the server keeps what it makes (see `AnalyzedDocument.init`).
                let analyzed = document.incremental.analyze(
                    key: key, order: order(of: key), text: document.text, lineIndex: document.lineIndex, onBothCores: false
                )
                open[key]?.incremental.remember(analyzed)
                analyses[key] = analyzed
                return analyzed
            }
            let analyzed = AnalyzedDocument(key: key, order: order(of: key), text: disk[key] ?? [], onBothCores: false)
            analyses[key] = analyzed
            return analyzed
        }
    }

    /// Workspace order: by root, then relative path; documents outside every root last, by URI.
    func order(of key: DocumentKey) -> DocumentOrder {
        for (index, root) in roots.enumerated() {
            if let relative = relativePath(key.rawValue, under: root.path) {
                return DocumentOrder(rootIndex: index, relativePath: relative)
            }
        }
        return .outsideRoots(uri: open[key]?.uri ?? FileURI.uri(of: key))
    }

    func text(of key: DocumentKey) -> [UInt8]? {
        open[key]?.text ?? disk[key]
    }

    func isUnderRoots(_ path: String) -> Bool {
        relativePath(path) != nil
    }

    private func relativePath(_ path: String) -> String? {
        for root in roots {
            if let relative = relativePath(path, under: root.path) { return relative }
        }
        return nil
    }

    private func relativePath(_ path: String, under root: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}

