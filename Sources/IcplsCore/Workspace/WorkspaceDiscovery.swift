#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document file found under a root.
public struct DiscoveredFile: Sendable, Hashable {
    /// The absolute path, normalized (no `.`/`..` components, no double slashes).
    public var path: String
    public var order: DocumentOrder
}

/// A root or file that could not be read, with the reason.
public struct DiscoveryProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Finds the `*.icp.json` documents under roots (SPEC §2): hidden files and
/// folders and `.build` are skipped; symbolic links inside a root are not
/// followed (a root given as a link is); a file given as a root is taken
/// whatever its name; a document under two roots belongs to the first.
public enum WorkspaceDiscovery {
    public static let documentSuffix = ".icp.json"

    public static func discover(roots: [String], currentDirectory: String) -> (files: [DiscoveredFile], problems: [DiscoveryProblem]) {
        var files: [DiscoveredFile] = []
        var problems: [DiscoveryProblem] = []
        var seen = Set<String>()
        for (rootIndex, root) in roots.enumerated() {
            let absoluteRoot = FilePath.absolute(root, relativeTo: currentDirectory)
            var info = stat()
            guard stat(absoluteRoot, &info) == 0 else {
                problems.append(DiscoveryProblem(path: root, reason: FilePath.errorText(errno)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(directory: absoluteRoot, relative: "", rootIndex: rootIndex, files: &files, problems: &problems, seen: &seen)
            } else if seen.insert(absoluteRoot).inserted {
                files.append(DiscoveredFile(path: absoluteRoot, order: DocumentOrder(rootIndex: rootIndex, relativePath: FilePath.lastComponent(absoluteRoot))))
            }
        }
        return (files.sorted { $0.order < $1.order }, problems)
    }

    private static func walk(
        directory: String, relative: String, rootIndex: Int,
        files: inout [DiscoveredFile], problems: inout [DiscoveryProblem], seen: inout Set<String>
    ) {
        guard let handle = opendir(directory) else {
            problems.append(DiscoveryProblem(path: directory, reason: FilePath.errorText(errno)))
            return
        }
        defer { closedir(handle) }
        var entries: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            entries.append(name)
        }
        for name in entries.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else {
                problems.append(DiscoveryProblem(path: path, reason: FilePath.errorText(errno)))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(directory: path, relative: relativePath, rootIndex: rootIndex, files: &files, problems: &problems, seen: &seen)
            case S_IFLNK:
                continue
            case S_IFREG:
                if name.hasSuffix(documentSuffix), seen.insert(path).inserted {
                    files.append(DiscoveredFile(path: path, order: DocumentOrder(rootIndex: rootIndex, relativePath: relativePath)))
                }
            default:
                if name.hasSuffix(documentSuffix) {
                    problems.append(DiscoveryProblem(path: path, reason: "not a regular file"))
                }
            }
        }
    }

    /// True when a path names a document: `*.icp.json`, not hidden, not under a hidden folder or `.build`.
    public static func isDocumentPath(_ relativePath: String) -> Bool {
        guard relativePath.hasSuffix(documentSuffix) else { return false }
        return !relativePath.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

/// Path helpers over plain strings, `/`-separated.
public enum FilePath {
    public static func absolute(_ path: String, relativeTo directory: String) -> String {
        normalize(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// Removes `.` and empty components and resolves `..` textually.
    public static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { if !components.isEmpty { components.removeLast() }; continue }
            components.append(component)
        }
        return "/" + components.joined(separator: "/")
    }

    /// `path` relative to `directory`, with `../` where it lies outside; no leading `./`.
    public static func relative(_ path: String, to directory: String) -> String {
        let target = normalize(path).split(separator: "/")
        let base = normalize(directory).split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    public static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    public static func parent(_ path: String) -> String {
        let components = normalize(path).split(separator: "/")
        return "/" + components.dropLast().joined(separator: "/")
    }

    public static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
